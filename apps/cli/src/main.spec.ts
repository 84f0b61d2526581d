import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const MAIN = join(__dirname, 'main.ts');

function cli(...argv: string[]) {
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', MAIN, ...argv], {
    encoding: 'utf8',
    env: { ...process.env, CHRONICLE_TOKEN: 'secret-token-value' },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('chronicle-cli', () => {
  it('lists every command on `help`, exit 0', () => {
    const { code, out } = cli('help');

    expect(code).toBe(0);
    expect(out).toMatch(/chronicle-cli import <dataset>/);
    expect(out).toMatch(/chronicle-cli rebuild <projection>/);
    expect(out).toMatch(/chronicle-cli verify --data-dir/);
  });

  it("prints one command's options on `<command> --help`, exit 0", () => {
    const { code, out } = cli('rebuild', '--help');

    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: chronicle-cli rebuild/);
    expect(out).not.toMatch(/chronicle-cli import/);
  });

  it('names an unknown command, exit 2, and never prints the key it was given', () => {
    const unknown = cli('export');
    const failing = cli('rebuild', 'pipeline', '--url', 'http://127.0.0.1:9');

    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Unknown command "export"/);
    expect(failing.code).toBe(1);
    expect(failing.out + failing.err).not.toContain('secret-token-value');
  });
});
