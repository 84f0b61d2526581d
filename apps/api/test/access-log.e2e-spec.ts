import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { apiKeyFor, JsonLogger, loadConfig, nestLogLevel } from '@chronicle/platform';
import { createApp } from '../src/app.factory';

const MAIN = join(__dirname, '..', 'src', 'main.ts');
const SERVICE_TOKEN = 'svc-7f3a9c-never-logged';
const ANALYST_TOKEN = 'analyst-5b21e0-never-logged';
const UNKNOWN_TOKEN = 'unknown-c4d8e2-never-logged';
const KEYS = `${SERVICE_TOKEN}=service;${ANALYST_TOKEN}=analyst`;
const PERSONAL = 'ada.lovelace@example.com';
const MALFORMED_PATH = '/views/customers/%E0%A4%A';

interface LogLine {
  level: string;
  msg: unknown;
  context?: string;
  [field: string]: unknown;
}

/** Every line a logger writes, kept raw and parsed; a test waits for lines, never for time. */
class LogCapture {
  readonly raw: string[] = [];
  private waiters: Array<() => void> = [];

  readonly write = (line: string): void => {
    this.raw.push(line);
    for (const wake of this.waiters.splice(0)) wake();
  };

  get lines(): LogLine[] {
    return this.raw.map((line) => JSON.parse(line) as LogLine);
  }

  get access(): LogLine[] {
    return this.lines.filter((line) => line.context === 'Access');
  }

  /** Resolves once `count` lines satisfy `match`. */
  async waitFor(match: (line: LogLine) => boolean, count = 1): Promise<LogLine[]> {
    for (;;) {
      const found = this.lines.filter(match);
      if (found.length >= count) return found;
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }
}

async function startApi(logLevel: string, capture: LogCapture) {
  const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-access-log-'));
  const config = loadConfig({
    CHRONICLE_DATA_DIR: dataDir,
    CHRONICLE_API_KEYS: KEYS,
    LOG_LEVEL: logLevel,
  });
  const logger = new JsonLogger({ minLevel: nestLogLevel(config.logLevel), write: capture.write });
  const app: NestFastifyApplication = await createApp(config, { logger });
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();
  const request = (path: string, token?: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    headers.set('Content-Type', 'application/json');
    return fetch(`${baseUrl}${path}`, { ...init, headers });
  };
  const close = async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { request, close };
}

/** What must never be written: the tokens, their digests, and the personal value sent. */
function secretsIn(raw: string[]): string[] {
  const whole = raw.join('');
  const digests = [SERVICE_TOKEN, ANALYST_TOKEN, UNKNOWN_TOKEN].map((token) =>
    createHash('sha256').update(token).digest('hex'),
  );
  return [SERVICE_TOKEN, ANALYST_TOKEN, UNKNOWN_TOKEN, PERSONAL, ...digests].filter((secret) =>
    whole.includes(secret),
  );
}

describe('the access log at LOG_LEVEL=info', () => {
  const capture = new LogCapture();
  let api: Awaited<ReturnType<typeof startApi>>;

  beforeAll(async () => {
    api = await startApi('info', capture);
    const register = await api.request('/commands/RegisterContact', SERVICE_TOKEN, {
      method: 'POST',
      body: JSON.stringify({ contactId: 'C-1', firstName: 'Ada', email: PERSONAL, source: 'web' }),
    });
    expect(register.status).toBe(201);
    const read = await api.request(
      `/views/customers/C-1?minPosition=1&note=${encodeURIComponent(PERSONAL)}`,
      ANALYST_TOKEN,
    );
    expect(read.status).toBe(400);
    expect((await api.request('/views/lifecycle-funnel', UNKNOWN_TOKEN)).status).toBe(401);
    expect((await api.request(`/nowhere/${PERSONAL}`, ANALYST_TOKEN)).status).toBe(404);
    // A path the router cannot decode is answered before any Fastify hook runs.
    expect((await api.request(MALFORMED_PATH, ANALYST_TOKEN)).status).toBe(400);
    await capture.waitFor((line) => line.context === 'Access', 5);
  });

  afterAll(async () => {
    await api.close();
  });

  it('writes one line per request, in the order answered', () => {
    expect(capture.access.map((line) => `${String(line.method)} ${String(line.status)}`)).toEqual([
      'POST 201',
      'GET 400',
      'GET 401',
      'GET 404',
      'GET 400',
    ]);
  });

  it('names the route template, the status, the time taken, the correlation id and the key', () => {
    const [command] = capture.access;

    expect(command).toStrictEqual({
      level: 'info',
      time: expect.any(String) as unknown,
      msg: 'request answered',
      context: 'Access',
      method: 'POST',
      route: '/commands/:type',
      status: 201,
      durationMs: expect.any(Number) as unknown,
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      actor: apiKeyFor(SERVICE_TOKEN, ['service']).id,
    });
    expect(command?.durationMs).toBeGreaterThan(0);
  });

  it('logs a refused query (400) and an unknown key (401) with their status, the latter without an actor', () => {
    const [, badQuery, unknownKey] = capture.access;

    expect(badQuery).toMatchObject({
      route: '/views/customers/:contactId',
      status: 400,
      actor: apiKeyFor(ANALYST_TOKEN, ['analyst']).id,
    });
    expect(unknownKey).toMatchObject({ route: '/views/lifecycle-funnel', status: 401 });
    expect(unknownKey).not.toHaveProperty('actor');
  });

  it('writes a path no route matched, or one the router cannot decode, as "unmatched"', () => {
    const [, , , notFound, malformed] = capture.access;

    expect(notFound).toMatchObject({ route: 'unmatched', status: 404 });
    expect(malformed).toMatchObject({
      route: 'unmatched',
      status: 400,
      durationMs: expect.any(Number) as unknown,
      correlationId: expect.any(String) as unknown,
    });
    expect(capture.raw.join('')).not.toContain('%E0');
  });

  it('writes no token, no token digest, no path id and no query value anywhere in the log', () => {
    expect(capture.raw.join('')).not.toContain('C-1');
    expect(secretsIn(capture.raw)).toEqual([]);
  });

  it('uses the correlation id the caller sent', async () => {
    const before = capture.access.length;
    await api.request('/health', undefined, {
      headers: { 'X-Correlation-Id': 'import-2026-12:batch-3' },
    });
    const answered = await capture.waitFor((entry) => entry.context === 'Access', before + 1);
    const line = answered.at(-1);

    expect(line).toMatchObject({ route: '/health', correlationId: 'import-2026-12:batch-3' });
    expect(line).not.toHaveProperty('actor');
  });

  it('logs a stream the client leaves, as aborted', async () => {
    const leaving = new AbortController();
    const stream = await api.request('/feed/stream', SERVICE_TOKEN, { signal: leaving.signal });
    expect(stream.status).toBe(200);
    leaving.abort();

    const [line] = await capture.waitFor((entry) => entry.route === '/feed/stream');
    expect(line).toMatchObject({ status: 200, aborted: true });
  });
});

describe('the access log at LOG_LEVEL=warn', () => {
  it('writes no access line: they are info', async () => {
    const capture = new LogCapture();
    const api = await startApi('warn', capture);
    try {
      expect((await api.request('/views/lifecycle-funnel', ANALYST_TOKEN)).status).toBe(200);
      expect((await api.request('/views/lifecycle-funnel')).status).toBe(401);
      // An access line is written as its response closes, long before the app has closed.
    } finally {
      await api.close();
    }

    expect(capture.access).toEqual([]);
    expect(capture.lines.filter((line) => line.level === 'info')).toEqual([]);
  });
});

describe('the API process', () => {
  it('writes its start, access and shutdown lines as JSON on stdout, naming the bound address', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-access-log-process-'));
    const child = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        CHRONICLE_DATA_DIR: dataDir,
        CHRONICLE_API_KEYS: KEYS,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const capture = new LogCapture();
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const complete = text.split('\n');
      partial = complete.pop() ?? '';
      for (const line of complete) capture.write(`${line}\n`);
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // Fails at once, not at the test's timeout, when the process ends before writing a line.
    const endedFirst = exited.then((code) => {
      throw new Error(`the API exited (${String(code)}) before writing the line awaited`);
    });
    endedFirst.catch(() => undefined);
    const logged = (context: string) =>
      Promise.race([capture.waitFor((line) => line.context === context), endedFirst]);
    try {
      const [start] = await logged('Bootstrap');
      const address = String(start?.address);
      expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const answer = await fetch(`${address}/views/lifecycle-funnel`, {
        headers: { Authorization: `Bearer ${ANALYST_TOKEN}` },
      });
      expect(answer.status).toBe(200);
      const [access] = await logged('Access');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);

      expect(access).toMatchObject({ route: '/views/lifecycle-funnel', status: 200 });
      expect(capture.lines.filter((line) => line.address === address)).toEqual([
        expect.objectContaining({ context: 'Bootstrap', level: 'info' }),
        expect.objectContaining({ context: 'Shutdown', level: 'info' }),
      ]);
      expect(partial).toBe('');
      expect(secretsIn(capture.raw)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
