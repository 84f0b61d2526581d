import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `chronicle-cli verify …` in its own process, as an auditor runs it with no server up. */
export function cliVerify(...args: string[]): Promise<CliOutcome> {
  const main = join(__dirname, '..', '..', '..', '..', 'cli', 'src', 'main.ts');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', main, 'verify', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
