import { PassThrough, Readable } from 'node:stream';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { readJsonBody } from './json-body-reader';

const LIMIT = 1024;
const bodyOf = (bytes: Uint8Array): Readable => Readable.from([Buffer.from(bytes)]);
const text = (value: string): Uint8Array => Buffer.from(value);

async function refusal(work: Promise<unknown>): Promise<{ code?: string; details?: unknown }> {
  return work.then(
    () => ({}),
    (error: { code?: string; details?: unknown }) => ({ code: error.code, details: error.details }),
  );
}

describe('readJsonBody', () => {
  it('reads a JSON object, and an empty body as an empty object', async () => {
    await expect(readJsonBody(bodyOf(text('{"a":[1,"é"]}')), {}, LIMIT)).resolves.toEqual({
      a: [1, 'é'],
    });
    await expect(readJsonBody(bodyOf(new Uint8Array()), {}, LIMIT)).resolves.toEqual({});
  });

  it('drops a byte order mark and keeps a literal __proto__ key as data', async () => {
    const body = (await readJsonBody(
      bodyOf(text('\uFEFF{"__proto__":{"x":1}}')),
      {},
      LIMIT,
    )) as object;

    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.keys(body)).toEqual(['__proto__']);
  });

  it.each(['null', '"text"', '12', ' ', '{"a":', '{"a":1} x'])(
    'refuses %j as VALIDATION_FAILED on the body',
    async (raw) => {
      expect(await refusal(readJsonBody(bodyOf(text(raw)), {}, LIMIT))).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'body' }],
      });
    },
  );

  it('inflates gzip and brotli bodies', async () => {
    const json = '{"ok":true}';
    const gzip = { 'content-encoding': 'gzip' };
    const br = { 'content-encoding': 'br' };

    await expect(readJsonBody(bodyOf(gzipSync(json)), gzip, LIMIT)).resolves.toEqual({ ok: true });
    await expect(readJsonBody(bodyOf(brotliCompressSync(json)), br, LIMIT)).resolves.toEqual({
      ok: true,
    });
  });

  it('refuses a body that does not inflate as corrupt, naming the body', async () => {
    const answer = await refusal(
      readJsonBody(bodyOf(text('not gzip')), { 'content-encoding': 'gzip' }, LIMIT),
    );

    expect(answer).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'body', problems: [expect.stringContaining('decompressed')] }],
    });
  });

  it('refuses a declared length over the limit before reading, and an inflated one while reading', async () => {
    const unread = new PassThrough();
    const declared = refusal(readJsonBody(unread, { 'content-length': String(LIMIT + 1) }, LIMIT));
    const inflated = gzipSync(`{"a":"${'x'.repeat(LIMIT)}"}`);

    expect(await declared).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(unread.readableFlowing).toBeNull();
    expect(
      await refusal(readJsonBody(bodyOf(inflated), { 'content-encoding': 'gzip' }, LIMIT)),
    ).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses a body whose sender went away before its end', async () => {
    const payload = new PassThrough();
    const reading = refusal(readJsonBody(payload, {}, LIMIT));
    payload.write('{"a":');
    payload.destroy();

    expect(await reading).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'body' }],
    });
  });
});
