import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@chronicle/platform';
import { createApp } from '../src/app.factory';

const ERROR_SHAPE = {
  statusCode: expect.any(Number) as unknown,
  code: expect.any(String) as unknown,
  message: expect.any(String) as unknown,
};

describe('the API platform over HTTP', () => {
  let dataDir: string;
  let app: NestFastifyApplication;
  let baseUrl: string;

  const request = (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
    return fetch(`${baseUrl}${path}`, { ...init, headers });
  };
  const postJson = (path: string, body: string) =>
    request(path, {
      method: 'POST',
      token: 'admin-token',
      headers: { 'Content-Type': 'application/json' },
      body,
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-e2e-'));
    const config = loadConfig({
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_API_KEYS: 'admin-token=admin;analyst-token=analyst,auditor',
      CHRONICLE_BODY_LIMIT: '1kb',
    });
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /health without a key', async () => {
    const response = await request('/health');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      eventStore: { adapter: 'embedded', status: 'up' },
      readStore: { adapter: 'embedded', status: 'up' },
      redis: { status: 'not configured' },
      integrity: expect.objectContaining({ following: true, treeSize: 0 }) as unknown,
    });
  });

  it('refuses a protected route without a key: 401 UNAUTHENTICATED', async () => {
    const response = await request('/admin/whoami');

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses an unknown key: 401 UNAUTHENTICATED', async () => {
    const response = await request('/admin/whoami', { token: 'guessed-token' });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a known key without the role: 403 FORBIDDEN', async () => {
    const response = await request('/admin/whoami', { token: 'analyst-token' });

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      statusCode: 403,
      code: 'FORBIDDEN',
      message: 'This needs the role admin',
    });
  });

  it("lets an admin in and names it by the key's fingerprint, never the token", async () => {
    const response = await request('/admin/whoami', { token: 'admin-token' });

    expect(response.status).toBe(200);
    const actor = (await response.json()) as { id: string; roles: string[] };
    expect(actor).toEqual({
      id: expect.stringMatching(/^key:[0-9a-f]{8}$/) as unknown,
      roles: ['admin'],
    });
  });

  it('tells any key its id and roles at /whoami, never its token or hash', async () => {
    const response = await request('/whoami', { token: 'analyst-token' });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: expect.stringMatching(/^key:[0-9a-f]{8}$/) as unknown,
      roles: ['analyst', 'auditor'],
    });
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED', async () => {
    const response = await postJson('/admin/whoami', '{"contactId": ');

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: [{ field: 'body', problems: [expect.any(String)] }],
    });
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await postJson('/admin/whoami', JSON.stringify({ notes: 'x'.repeat(2048) }));

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is over the limit of 1024 bytes',
    });
  });

  it('answers an unknown route with 404 NOT_FOUND in the error shape', async () => {
    const response = await request('/no/such/route', { token: 'admin-token' });

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ ...ERROR_SHAPE, statusCode: 404, code: 'NOT_FOUND' });
  });

  it("echoes the caller's correlation id, and makes one when absent", async () => {
    const given = await request('/health', { headers: { 'X-Correlation-Id': 'corr-42' } });
    const made = await request('/health');

    expect(given.headers.get('x-correlation-id')).toBe('corr-42');
    expect(made.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('carries the correlation id on error answers too', async () => {
    const response = await postJson('/admin/whoami', '{');

    expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('carries the correlation id on a stream written straight to the socket', async () => {
    const stop = new AbortController();
    const response = await request('/feed/stream', {
      token: 'admin-token',
      headers: { 'X-Correlation-Id': 'stream-7' },
      signal: stop.signal,
    });
    stop.abort();

    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-correlation-id')).toBe('stream-7');
  });

  it('publishes the OpenAPI document with bearer authentication', async () => {
    const response = await request('/docs-json');
    const document = (await response.json()) as {
      paths: Record<string, unknown>;
      components: { securitySchemes: Record<string, { scheme?: string }> };
    };

    expect(response.status).toBe(200);
    expect(document.components.securitySchemes.bearer?.scheme).toBe('bearer');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/health', '/admin/whoami']),
    );
  });
});
