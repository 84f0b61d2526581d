import { spawn, type ChildProcess } from 'node:child_process';
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

/** Ends every fixture a test left running, so a failed test leaves no process behind. */
export async function killAllFixtures(): Promise<void> {
  const children = [...running];
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(children.map(exited));
}

/** Resolves with the child's stdout lines once `enough` says so (or the child exits). */
export function readLines(
  child: ChildProcess,
  enough: (lines: string[]) => boolean,
): Promise<string[]> {
  return new Promise((resolve) => {
    const lines: string[] = [];
    let partial = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      if (enough(lines)) resolve(lines);
    });
    child.on('exit', () => resolve(lines));
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}
