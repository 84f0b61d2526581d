import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Logger } from 'pino';
import type { RequestWithActor } from '../auth/actor';
import { CORRELATION_ID_HEADER } from './correlation-id.hook';

/** What one access line says about a request: nothing from its query, body or headers. */
export interface AccessFields {
  context: 'Access';
  method: string;
  /** The route template (`/views/customers/:contactId`), never the path: ids and queries stay out. */
  route: string;
  status: number;
  durationMs: number;
  correlationId?: string;
  /** The API key's id (`key:<8 hex>`), never its token. */
  actor?: string;
}

export function accessFieldsOf(request: FastifyRequest, reply: FastifyReply): AccessFields {
  const correlationId = reply.raw.getHeader(CORRELATION_ID_HEADER);
  return {
    context: 'Access',
    method: request.method,
    // A path no route matched may hold anything a caller typed: it is not written.
    route: request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched'),
    status: reply.statusCode,
    durationMs: Math.round(reply.elapsedTime * 100) / 100,
    correlationId: typeof correlationId === 'string' ? correlationId : undefined,
    actor: (request as FastifyRequest & RequestWithActor).actor?.id,
  };
}

/**
 * Fastify `onResponse` hook writing one `info` line per answered request, whoever answered it:
 * a refusal by a boundary hook (401, 413, 415, 429), a handler, or a stream written to the socket.
 */
export function logAccess(logger: Logger) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (logger.isLevelEnabled('info'))
      logger.info(accessFieldsOf(request, reply), 'request answered');
    done();
  };
}
