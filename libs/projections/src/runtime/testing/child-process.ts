import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const running = new Set<ChildProcess>();

/** Runs one of the TypeScript fixtures beside this file in its own Node process. */
export function runFixture(name: string, args: string[]): ChildProcess {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, `${name}.ts`), ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

/** Resolves once the child has printed `line`, or rejects when it exits first. */
export function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (seen.split('\n').includes(line)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`Fixture exited (${code}) before "${line}"`)));
  });
}

export function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exit = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.kill('SIGKILL');
  return exit;
}

/** Ends every fixture a test left running, so a failed test leaves no process behind. */
export async function killAllFixtures(): Promise<void> {
  await Promise.all([...running].map(killed));
}
