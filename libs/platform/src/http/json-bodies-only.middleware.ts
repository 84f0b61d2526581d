import type { IncomingMessage, ServerResponse } from 'node:http';
import { ChronicleError } from '../errors/chronicle-error';

type Next = (error?: unknown) => void;

/** The encodings the body parser can inflate; anything else would be read as garbage. */
const READABLE_ENCODINGS = new Set(['identity', 'gzip', 'deflate', 'br']);

/**
 * Express middleware mounted before the body parser: a request that carries a body must say it
 * is JSON (`application/json` or a `+json` type) in an encoding we can read, else 415. Without
 * it, a body of another type would be skipped by the parser and reach validation as empty.
 */
export function jsonBodiesOnly(request: IncomingMessage, _response: ServerResponse, next: Next) {
  if (!hasBody(request)) return next();
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (!READABLE_ENCODINGS.has(encoding)) {
    return next(unsupported(`Content-Encoding ${encoding} is not supported (gzip, deflate, br)`));
  }
  const mediaType = (request.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(mediaType)) {
    return next(unsupported('The request body must be JSON (Content-Type: application/json)'));
  }
  next();
}

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

function unsupported(message: string): ChronicleError {
  return new ChronicleError('UNSUPPORTED_MEDIA_TYPE', message);
}
