import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisChild } from '../../../libs/scheduling/src/testing/redis-child';
import { listeningUrl } from './support/server-process';

const MAIN = join(__dirname, '..', 'src', 'main.ts');
const CONTRACT_SHUTDOWN_BOUND_MS = 10_000;

interface LogLine {
  level: string;
  msg: string;
}

/** The API as `npm start` runs it, with every JSON log line it writes kept for the test. */
function startApi(env: Record<string, string>): { child: ChildProcess; lines: LogLine[] } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: LogLine[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const complete = text.split('\n');
    partial = complete.pop() ?? '';
    for (const line of complete) lines.push(JSON.parse(line) as LogLine);
  });
  return { child, lines };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Resolves once `count` log lines match; the API logs each Redis transition as it happens. */
function logged(
  lines: LogLine[],
  child: ChildProcess,
  pattern: RegExp,
  count: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (lines.filter((line) => pattern.test(line.msg)).length >= count) {
        child.stdout?.off('data', check);
        resolve();
      }
    };
    child.stdout?.on('data', () => setImmediate(check));
    child.once('exit', () => reject(new Error(`exited before logging ${String(pattern)}`)));
    check();
  });
}

describe('the API process lifecycle with Redis', () => {
  let redis: RedisChild;
  let dataDir: string;

  beforeEach(async () => {
    redis = await RedisChild.start();
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-lifecycle-'));
  });

  afterEach(async () => {
    await redis.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs Redis going away and coming back once each, and stops on SIGTERM within 10 s while Redis is down', async () => {
    const { child, lines } = startApi({
      REDIS_URL: redis.url,
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: 'svc=service',
    });
    await listeningUrl(child);

    await redis.kill();
    await logged(lines, child, /Redis is unreachable/, 1);
    await redis.restart();
    await logged(lines, child, /Redis is reachable/, 2);
    await redis.kill();
    await logged(lines, child, /Redis is unreachable/, 2);

    const started = Date.now();
    child.kill('SIGTERM');
    await exitOf(child);
    const stoppedAfterMs = Date.now() - started;

    const transitions = lines.filter((line) => /Redis is (un)?reachable/.test(line.msg));
    expect(transitions.map((line) => line.msg.slice(0, 20))).toEqual([
      'Redis is reachable',
      'Redis is unreachable',
      'Redis is reachable',
      'Redis is unreachable',
    ]);
    expect(stoppedAfterMs).toBeLessThan(CONTRACT_SHUTDOWN_BOUND_MS);
    expect(lines.map((line) => line.msg)).toContain('SIGTERM received: stopping within 7 s');
  });

  it('names the address it bound in its start line', async () => {
    const { child, lines } = startApi({
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: 's=service',
    });
    const url = await listeningUrl(child);
    child.kill('SIGTERM');

    expect(await exitOf(child)).toBe(0);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines.map((line) => line.msg)).toContain('Stopped');
  });

  it('serves no HTTP without the http role, and stops on SIGTERM', async () => {
    const { child, lines } = startApi({
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: 's=service',
      CHRONICLE_ROLES: 'projectors,timers',
    });
    await logged(lines, child, /without the http role/, 1);
    child.kill('SIGTERM');

    expect(await exitOf(child)).toBe(0);
    const started = lines.find((line) => /without the http role/.test(line.msg));
    expect((started as LogLine & { roles?: string[] }).roles).toEqual(['projectors', 'timers']);
    expect(lines.filter((line) => /listening on/.test(line.msg))).toEqual([]);
  });

  it('projects nothing without the projectors role: a read of its own write is never caught up', async () => {
    const { child } = startApi({
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: 's=service;a=analyst',
      CHRONICLE_ROLES: 'http',
    });
    const url = await listeningUrl(child);
    const written = await fetch(`${url}/commands/RegisterContact`, {
      method: 'POST',
      headers: { Authorization: 'Bearer s', 'Content-Type': 'application/json' },
      body: JSON.stringify({ contactId: 'C-1', firstName: 'Ada' }),
    });
    expect(written.status).toBe(201);
    const { position } = (await written.json()) as { position: string };
    const read = await fetch(`${url}/views/customers/C-1?minPosition=${position}`, {
      headers: { Authorization: 'Bearer a' },
    });
    child.kill('SIGTERM');

    expect(read.status).toBe(503);
    expect(((await read.json()) as { code: string }).code).toBe('NOT_CAUGHT_UP');
    expect(await exitOf(child)).toBe(0);
  });
});
