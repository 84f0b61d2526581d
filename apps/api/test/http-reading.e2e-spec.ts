import { gzipSync } from 'node:zlib';
import { ApiHarness, TOKENS } from '../src/commands/testing/api-harness';
import { rawRequest } from './reliability/support/raw-http';

const JSON_TYPE = { 'Content-Type': 'application/json' };
const BODY_LIMIT = 256 * 1024;

/** How the boundary reads what a caller sends: the path's segments and the body's bytes. */
describe('reading paths and bodies at the HTTP boundary', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });

  afterAll(() => api.close());

  const postContact = (body: string | Uint8Array, headers: Record<string, string>) =>
    rawRequest(api, '/commands/RegisterContact', {
      method: 'POST',
      token: TOKENS.service,
      headers,
      body,
    });

  it('applies the body limit to the inflated size: a small gzip of a large body is a 413', async () => {
    const large = JSON.stringify({ contactId: 'C-bomb', firstName: 'x'.repeat(BODY_LIMIT) });
    const compressed = gzipSync(large);
    expect(compressed.length).toBeLessThan(BODY_LIMIT / 100);

    const answer = await postContact(compressed, { ...JSON_TYPE, 'Content-Encoding': 'gzip' });

    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request body is over the limit of ${BODY_LIMIT} bytes`,
    });
    expect(await api.streamEvents('contact-C-bomb')).toEqual([]);
  });

  it('refuses a JSON body announced in a charset other than UTF-8 with 415', async () => {
    const body = Buffer.from(JSON.stringify({ contactId: 'C-utf16', firstName: 'Ada' }), 'utf16le');

    const answer = await postContact(body, { 'Content-Type': 'application/json; charset=utf-16' });

    expect(answer.status).toBe(415);
    expect(answer.json).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('accepts an explicit UTF-8 charset', async () => {
    const body = JSON.stringify({ contactId: 'C-utf8', firstName: 'Zoë' });

    const answer = await postContact(body, { 'Content-Type': 'application/json; charset=UTF-8' });

    expect(answer.status).toBe(201);
  });

  it('refuses bytes that are not UTF-8 with 400 naming the body, rather than storing a replacement', async () => {
    const prefix = Buffer.from('{"contactId":"C-latin1","firstName":"Zo');
    const body = Buffer.concat([prefix, Buffer.from([0xeb]), Buffer.from('"}')]);

    const answer = await postContact(body, JSON_TYPE);

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'body', problems: ['it is not UTF-8 text'] }],
    });
    expect(await api.streamEvents('contact-C-latin1')).toEqual([]);
  });

  it('routes ids of the longest allowed length (128 characters) in paths', async () => {
    const contactId = `C-${'x'.repeat(126)}`;
    await api.accepted('RegisterContact', { contactId, firstName: 'Long' });

    const events = await api.streamEvents(`contact-${contactId}`);

    expect(events.map((event) => event.type)).toEqual(['ContactRegistered']);
  });

  it('answers a path whose percent-encoding does not decode in the error shape: 401 first, then 400', async () => {
    const path = '/audit/streams/contact-%E0%A4%A';

    const anonymous = await rawRequest(api, path);
    const keyed = await rawRequest(api, path, {
      token: TOKENS.auditor,
      headers: { 'X-Correlation-Id': 'bad-path-1' },
    });

    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(keyed.status).toBe(400);
    expect(keyed.json).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'path' }] });
    const echoed = await fetch(`${api.baseUrl}${path}`, {
      headers: { 'X-Correlation-Id': 'bad-path-2' },
    });
    expect(echoed.headers.get('x-correlation-id')).toBe('bad-path-2');
  });

  it('serves a path with a trailing slash like the path without it', async () => {
    const answer = await rawRequest(api, '/health/');

    expect(answer.status).toBe(200);
  });
});
