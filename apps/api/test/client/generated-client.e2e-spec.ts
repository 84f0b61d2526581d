import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApiHarness, TOKENS } from '../../src/commands/testing/api-harness';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..', '..');
const CLIENT = join(ROOT, 'examples', 'client');
const GENERATED = join(CLIENT, 'generated');
const OPENAPI_TYPESCRIPT = join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** Runs a Node script from the repository root; resolves with its output whatever its exit code. */
async function node(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

interface ExampleResult {
  contactId: string;
  position: string;
  funnel: { total: number; stages: Record<string, number> };
  auditTypes: string[];
}

/**
 * The generated client is part of the contract (docs/api.md, "OpenAPI and the generated
 * client"): types generated from the live server's /docs-json must compile with
 * examples/client/example.ts, a wrong parameter name must not, and the example must work
 * against that server.
 */
describe('the client generated from the OpenAPI document', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
    mkdirSync(GENERATED, { recursive: true });
    const generated = await node([
      OPENAPI_TYPESCRIPT,
      `${api.baseUrl}/docs-json`,
      '-o',
      join(GENERATED, 'chronicle.ts'),
    ]);
    if (generated.code !== 0) throw new Error(`openapi-typescript failed: ${generated.stderr}`);
  }, 120_000);
  afterAll(async () => {
    rmSync(join(GENERATED, 'wrong-parameter'), { recursive: true, force: true });
    await api.close();
  });

  it('compiles with the example program', async () => {
    const compiled = await node([TSC, '-p', join(CLIENT, 'tsconfig.json')]);
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.code).toBe(0);
  }, 120_000);

  it('refuses a query parameter the view does not take', async () => {
    const dir = join(GENERATED, 'wrong-parameter');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'wrong.ts'),
      [
        "import createClient from 'openapi-fetch';",
        "import type { paths } from '../chronicle';",
        "const client = createClient<paths>({ baseUrl: 'http://localhost' });",
        "void client.GET('/views/lifecycle-funnel', { params: { query: { fromDate: '2025-01-01' } } });",
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../../tsconfig.json', include: ['wrong.ts'] }),
    );
    const compiled = await node([TSC, '-p', join(dir, 'tsconfig.json')]);
    expect(compiled.code).not.toBe(0);
    expect(compiled.stdout).toContain('fromDate');
  }, 120_000);

  it('sends a command, reads a view with its parameters and reads the audit history', async () => {
    const ran = await node(['-r', '@swc-node/register', join(CLIENT, 'example.ts')], {
      CHRONICLE_URL: api.baseUrl,
      CHRONICLE_TOKEN: TOKENS.admin,
    });
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    const result = JSON.parse(ran.stdout) as ExampleResult;
    expect(result.contactId).toMatch(/^C-/);
    expect(result.position).toMatch(/^(0|[1-9][0-9]*)$/);
    // The funnel was read at minPosition = the command's position: the new lead is counted.
    expect(result.funnel.total).toBe(1);
    expect(result.funnel.stages.lead).toBe(1);
    expect(result.auditTypes).toEqual(['ContactRegistered']);
  }, 120_000);
});
