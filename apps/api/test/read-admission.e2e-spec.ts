import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@chronicle/platform';
import { createApp } from '../src/app.factory';

const KEYS = 'svc=service;ana=analyst;aud=auditor';
// A position the store will not reach: the read holds its slot until NOT_CAUGHT_UP (5 s).
const WAITING_VIEW = '/views/pipeline?minPosition=999999999';

describe('heavy reads beyond the per-role limit', () => {
  let dataDir: string;
  let app: NestFastifyApplication;
  let baseUrl: string;

  const get = (path: string, token: string) =>
    fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });

  /**
   * Resolves once the server has taken `count` requests for `path`. Its own request listener runs
   * first, and the middleware chain up to the waiting handler is synchronous, so by then each of
   * them holds its slot.
   */
  const requestsSeen = (path: string, count: number) =>
    new Promise<void>((resolve) => {
      let seen = 0;
      const server = app.getHttpServer();
      const onRequest = (request: { url?: string }) => {
        if (request.url !== path || ++seen < count) return;
        server.off('request', onRequest);
        resolve();
      };
      server.on('request', onRequest);
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-admission-'));
    const config = loadConfig({
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: KEYS,
      CHRONICLE_MAX_HEAVY_QUERIES: '2',
    });
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('are answered 429 RATE_LIMITED with Retry-After at once, while other roles and commands go on', async () => {
    const admitted = requestsSeen(WAITING_VIEW, 2);
    const holding = [get(WAITING_VIEW, 'ana'), get(WAITING_VIEW, 'ana')];
    await admitted;
    const refused = await get('/views/lifecycle-funnel', 'ana');
    const otherRole = await get('/audit/streams/contact-C-1', 'aud');
    const command = await fetch(`${baseUrl}/commands/RegisterContact`, {
      method: 'POST',
      headers: { Authorization: 'Bearer svc', 'Content-Type': 'application/json' },
      body: JSON.stringify({ contactId: 'C-1', firstName: 'Ada' }),
    });

    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(otherRole.status).toBe(200);
    expect(command.status).toBe(201);
    expect((await Promise.all(holding)).map((answer) => answer.status)).toEqual([503, 503]);
  });

  it('gives the slots back when the reads end', async () => {
    const answers = await Promise.all([
      get('/views/lifecycle-funnel', 'ana'),
      get('/views/pipeline', 'ana'),
    ]);
    const next = await get('/views/service-sla', 'ana');

    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(next.status).toBe(200);
  });
});
