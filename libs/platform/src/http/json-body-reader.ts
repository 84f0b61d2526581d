import type { IncomingHttpHeaders } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { ChronicleError, type FieldProblem } from '../errors/chronicle-error';
import { contentEncodingOf } from './json-bodies-only.hook';

const INFLATERS: Readonly<Record<string, (() => Transform) | undefined>> = {
  gzip: createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

// Fatal: a byte sequence that is not UTF-8 is refused, not silently replaced. A BOM is dropped.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a request body as JSON: inflated when it is compressed, refused with 413 once the inflated
 * bytes pass `limitBytes` (so a small compressed bomb is stopped early), refused with 400 when it
 * is not UTF-8 or not a JSON object or array. An empty body reads as `{}`. What the caller has
 * not sent yet is left for the server to discard, so the refusal is answered at once.
 */
export async function readJsonBody(
  payload: Readable,
  headers: IncomingHttpHeaders,
  limitBytes: number,
): Promise<unknown> {
  const encoding = contentEncodingOf(headers);
  const declaredLength = Number(headers['content-length']);
  if (encoding === 'identity' && declaredLength > limitBytes) throw tooLarge(limitBytes);
  const inflater = INFLATERS[encoding]?.();
  const bytes = await readAll(payload, inflater, limitBytes);
  return parseJson(bytes);
}

function readAll(
  payload: Readable,
  inflater: Transform | undefined,
  limitBytes: number,
): Promise<Buffer> {
  const source = inflater ? payload.pipe(inflater) : payload;
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error?: ChronicleError): void => {
      source.off('data', onData).off('end', onEnd).off('error', onSourceError);
      payload.off('close', onClose);
      if (!error) return;
      if (inflater) {
        payload.unpipe(inflater);
        inflater.destroy();
      }
      // Whatever is still coming is discarded, not buffered.
      payload.resume();
      reject(error);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) return stop(tooLarge(limitBytes));
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onSourceError = (error: Error): void =>
      stop(inflater ? corrupt(`it could not be decompressed: ${error.message}`) : unread());
    // The caller went away before the body was complete.
    const onClose = (): void => {
      if (!payload.readableEnded) stop(unread());
    };
    source.on('data', onData).on('end', onEnd).on('error', onSourceError);
    payload.on('close', onClose);
  });
}

function parseJson(bytes: Buffer): unknown {
  if (bytes.length === 0) return {};
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw corrupt('it is not UTF-8 text', 'The request body is not valid JSON');
  }
  // Objects and arrays only: a bare string, number or null is never a command's payload.
  const first = /^[\x20\x09\x0a\x0d]*(.)/.exec(text)?.[1];
  if (first !== '{' && first !== '[') {
    throw corrupt('it must be a JSON object or array', 'The request body is not valid JSON');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw corrupt((error as SyntaxError).message, 'The request body is not valid JSON');
  }
}

function tooLarge(limitBytes: number): ChronicleError {
  return new ChronicleError(
    'PAYLOAD_TOO_LARGE',
    `The request body is over the limit of ${limitBytes} bytes`,
  );
}

function corrupt(problem: string, message = 'The request body is corrupt'): ChronicleError {
  const details: FieldProblem[] = [{ field: 'body', problems: [problem] }];
  return new ChronicleError('VALIDATION_FAILED', message, details);
}

function unread(): ChronicleError {
  return corrupt('it ended before its announced length', 'The request body is incomplete');
}
