import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * The API spawned as ServerProcess does, but handed back at once instead of when it listens: the
 * embedded projectors catch up before the server serves anything, so a test that must kill it
 * mid-catch-up cannot wait for "listening". Its output is read and dropped.
 */
export class ApiChild {
  private constructor(private readonly child: ChildProcess) {}

  static spawn(env: Record<string, string>): ApiChild {
    const main = join(__dirname, '..', '..', 'src', 'main.ts');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', main], {
      env: { ...process.env, HOST: '127.0.0.1', ...env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.resume();
    return new ApiChild(child);
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Kills the process without warning (SIGKILL) and waits until it is gone. */
  async kill(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await gone;
  }
}
