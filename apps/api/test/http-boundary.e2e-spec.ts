import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@chronicle/platform';
import { createApp } from '../src/app.factory';
import { ApiHarness, TOKENS } from '../src/commands/testing/api-harness';
import { rawRequest } from './reliability/support/raw-http';

const CONTACT = JSON.stringify({ contactId: 'C-boundary', firstName: 'Ada' });
const JSON_TYPE = { 'Content-Type': 'application/json' };

/**
 * Sends the headers of a request whose announced body never comes, and resolves with the status
 * of the answer. A server that read the body before checking the key would wait for it forever.
 */
function answerWithoutBody(baseUrl: string, path: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const request = httpRequest(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { ...JSON_TYPE, 'Content-Length': '100', ...headers },
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    request.on('error', reject);
    request.write('{"contact');
  });
}

describe('the HTTP boundary: the key before the body, JSON bodies only', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });

  afterAll(async () => {
    await api.close();
  });

  it.each(['/commands/RegisterContact', '/health', '/views/pipeline', '/admin/whoami'])(
    'answers POST %s without a key 401 before its body has arrived',
    async (path) => {
      expect(await answerWithoutBody(api.baseUrl, path, {})).toBe(401);
      expect(
        await answerWithoutBody(api.baseUrl, path, { Authorization: 'Bearer guessed-token' }),
      ).toBe(401);
    },
  );

  it('answers a corrupt gzip body without a key 401, and with a key 400 naming the body', async () => {
    const corrupt = { method: 'POST', body: 'not gzip at all' };
    const headers = { ...JSON_TYPE, 'Content-Encoding': 'gzip' };

    const anonymous = await rawRequest(api, '/health', { ...corrupt, headers });
    const keyed = await rawRequest(api, '/commands/RegisterContact', {
      ...corrupt,
      headers,
      token: TOKENS.service,
    });

    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(keyed.status).toBe(400);
    expect(keyed.json).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'body', problems: [expect.stringContaining('decompressed')] }],
    });
  });

  it.each([
    ['an encoding we cannot inflate', { ...JSON_TYPE, 'Content-Encoding': 'compress' }],
    ['a text body', { 'Content-Type': 'text/plain' }],
    ['a form body', { 'Content-Type': 'application/x-www-form-urlencoded' }],
  ])('answers %s 415 UNSUPPORTED_MEDIA_TYPE and stores nothing', async (_case, headers) => {
    const answer = await rawRequest(api, '/commands/RegisterContact', {
      method: 'POST',
      token: TOKENS.service,
      headers,
      body: CONTACT,
    });

    expect(answer.status).toBe(415);
    expect(answer.json).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(await api.streamEvents('contact-C-boundary')).toEqual([]);
  });

  it('accepts a gzip-compressed JSON command', async () => {
    const answer = await rawRequest(api, '/commands/RegisterContact', {
      method: 'POST',
      token: TOKENS.service,
      headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ contactId: 'C-gzip', firstName: 'Grace' })),
    });

    expect(answer.status).toBe(201);
  });
});

describe('the data folder', () => {
  let dataDir: string;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-modes-'));
    // An operator's folder that others may read is tightened, not trusted.
    chmodSync(dataDir, 0o755);
    const config = loadConfig({ CHRONICLE_DATA_DIR: dataDir, CHRONICLE_API_KEYS: 's=service' });
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    const answer = await fetch(`${await app.getUrl()}/commands/RegisterContact`, {
      method: 'POST',
      headers: { ...JSON_TYPE, Authorization: 'Bearer s' },
      body: CONTACT,
    });
    expect(answer.status).toBe(201);
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is private to its owner (0700), and so is every file in it (0600)', () => {
    const modes = Object.fromEntries(
      readdirSync(dataDir).map((name) => [name, statSync(join(dataDir, name)).mode & 0o777]),
    );

    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(Object.keys(modes)).toEqual(expect.arrayContaining(['events.sqlite', 'keys.sqlite']));
    expect(Object.entries(modes).filter(([, mode]) => mode !== 0o600)).toEqual([]);
  });
});
