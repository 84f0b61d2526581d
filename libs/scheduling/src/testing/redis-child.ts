import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

const REDIS_SERVER = 'redis-server';

/**
 * A redis-server of the test's own on a free loopback port, without persistence, so stopping it
 * is an outage of this test alone (the shared Redis on 6379 is never touched) and starting it
 * again brings back an empty Redis, as a restart without persistence does.
 */
export class RedisChild {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisChild> {
    const redis = new RedisChild(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server again on the same port; resolves once it accepts connections. */
  async restart(): Promise<void> {
    if (this.child) throw new Error('redis-server is already running');
    const args = ['--port', String(this.port), '--save', '', '--appendonly', 'no'];
    const child = spawn(REDIS_SERVER, [...args, '--bind', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer): void => {
        output += chunk.toString('utf8');
        if (!output.includes('Ready to accept connections')) return;
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.off('exit', onExit);
        resolve();
      };
      const onExit = (code: number | null): void => {
        this.child = undefined;
        reject(new Error(`redis-server exited with ${String(code)}: ${output.slice(-500)}`));
      };
      const onError = (error: NodeJS.ErrnoException): void => {
        this.child = undefined;
        const missing = error.code === 'ENOENT';
        reject(
          missing
            ? new Error('redis-server is not installed: apt-get install redis-server (Debian)')
            : error,
        );
      };
      child.stdout?.on('data', onData);
      child.once('exit', onExit);
      child.once('error', onError);
    });
  }

  /** Kills the server by its pid without warning and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
