import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { ChronicleError } from '../errors/chronicle-error';

/** The encodings the body parser can inflate; anything else would be read as garbage. */
export const READABLE_ENCODINGS = new Set(['identity', 'gzip', 'deflate', 'br']);

const JSON_MEDIA_TYPE = /^application\/(?:json|[a-z0-9.+-]+\+json)$/;

/**
 * Fastify `onRequest` hook, added after authentication: a request that carries a body must say
 * it is JSON (`application/json` or a `+json` type) in UTF-8 and in an encoding we can read, else
 * 415, before a byte of it is read. Only the headers are looked at, whatever the method.
 */
export function jsonBodiesOnly(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  done(hasBody(request.headers) ? refusalOf(request.headers) : undefined);
}

function refusalOf(headers: IncomingHttpHeaders): ChronicleError | undefined {
  const encoding = contentEncodingOf(headers);
  if (!READABLE_ENCODINGS.has(encoding)) {
    return unsupported(`Content-Encoding ${encoding} is not supported (gzip, deflate, br)`);
  }
  const [mediaType = '', ...parameters] = (headers['content-type'] ?? '').split(';');
  if (!JSON_MEDIA_TYPE.test(mediaType.trim().toLowerCase())) {
    return unsupported('The request body must be JSON (Content-Type: application/json)');
  }
  // JSON travels as UTF-8 (RFC 8259); a body announced in another charset would be misread.
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"(.*)"$/, '$1');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return unsupported(`The charset ${charset} is not supported: send JSON as UTF-8`);
  }
  return undefined;
}

/** The body's `Content-Encoding`, lower case; `identity` when absent. */
export function contentEncodingOf(headers: IncomingHttpHeaders): string {
  return (headers['content-encoding'] ?? 'identity').trim().toLowerCase();
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function unsupported(message: string): ChronicleError {
  return new ChronicleError('UNSUPPORTED_MEDIA_TYPE', message);
}
