import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The API in its own Node process, as `npm start` runs it, so a test can kill it with -9. */
export class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {}

  static start(env: Record<string, string>): Promise<ServerProcess> {
    const main = join(__dirname, '..', '..', 'src', 'main.ts');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', main], {
      env: { ...process.env, HOST: '127.0.0.1', ...env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return listeningUrl(child).then((baseUrl) => new ServerProcess(child, baseUrl));
  }

  /** Kills the process without warning (SIGKILL) and waits until it is gone. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await gone;
  }
}

/** Resolves with the URL a Chronicle (or any) server child prints once it listens. */
export function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8');
      const listening = /listening on (http:\/\/\S+?)[\s"]/.exec(buffered);
      if (!listening) return;
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve(listening[1]!);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`server exited with ${String(code)} before listening`)),
    );
  });
}
