import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { ApiKey } from '../config/api-keys';
import { ChronicleError } from '../errors/chronicle-error';
import type { RequestWithActor } from './actor';
import { actorOfToken, bearerToken } from './bearer-token';

/**
 * Reads that answer without a key and hold no data: the health probe, the OpenAPI page and the
 * console's static files. `/metrics` checks its own token in its handler, and carries no body.
 * Every other request needs a known key before a byte of its body is read (docs/api.md).
 */
const PUBLIC_READS = [/^\/health\/?$/, /^\/docs(?:[/-]|$)/, /^\/console(?:\/|$)/, /^\/metrics\/?$/];

/** Whether a request may be served without an API key (GET and HEAD of the public paths). */
export function isPublicRead(method: string | undefined, path: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  return PUBLIC_READS.some((pattern) => pattern.test(path));
}

/** The refusal of a request that needs a key and carries none, or an unknown one. */
export function unauthenticated(token: string | undefined): ChronicleError {
  return new ChronicleError(
    'UNAUTHENTICATED',
    token === undefined ? 'Send an API key as Authorization: Bearer <token>' : 'Unknown API key',
  );
}

/**
 * Fastify `onRequest` hook: it runs before the body is read, so a request to a route that needs
 * a key and does not carry a known one is refused with 401 at once, and its body is never read,
 * inflated or parsed. The actor it finds is left on the request for the guard, which checks the
 * roles.
 */
export function authenticateFirst(keys: readonly ApiKey[]) {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const token = bearerToken(request.headers.authorization);
    const actor = token === undefined ? undefined : actorOfToken(token, keys);
    if (actor) (request as FastifyRequest & RequestWithActor).actor = actor;
    const path = request.url.split('?', 1)[0]!;
    if (actor || isPublicRead(request.method, path)) return done();
    done(unauthenticated(token));
  };
}
