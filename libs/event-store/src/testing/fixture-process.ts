import { type ChildProcess, spawn } from 'node:child_process';

// Crash and lock tests run a TypeScript fixture in its own Node process, so it can be killed -9
// or hold an OS lock against the test. Every lib's crash tests share these helpers.
const running = new Set<ChildProcess>();

/** Runs the TypeScript fixture at `path` (compiled on the fly) with `args`. */
export function runFixture(path: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
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

/** Resolves once the child has printed `line`, or rejects when it exits first. */
export async function waitForLine(child: ChildProcess, line: string): Promise<void> {
  const lines = await readLines(child, (seen) => seen.includes(line));
  if (!lines.includes(line)) throw new Error(`Fixture exited (${child.exitCode}) before "${line}"`);
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

/** Kills the child with SIGKILL and resolves once it is gone. */
export function killed(child: ChildProcess): Promise<number | null> {
  const gone = exited(child);
  child.kill('SIGKILL');
  return gone;
}

/** Ends every fixture a test left running, so a failed test leaves no process behind. */
export async function killAllFixtures(): Promise<void> {
  await Promise.all([...running].map(killed));
}
