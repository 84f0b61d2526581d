import { performance } from 'node:perf_hooks';
import type { FastifyError, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Logger } from 'pino';
import type { RequestWithActor } from '../auth/actor';
import { CORRELATION_ID_HEADER } from './correlation-id.hook';
import { routeTemplateOf } from './route-template';

/** What one access line says about a request: nothing from its query, body or headers. */
export interface AccessFields {
  context: 'Access';
  method: string;
  /** The route template (`/views/customers/:contactId`), never the path: ids and queries stay out. */
  route: string;
  status: number;
  durationMs: number;
  /** Present when the connection closed before the whole answer was handed to it. */
  aborted?: true;
  correlationId?: string;
  /** The API key's id (`key:<8 hex>`), never its token. */
  actor?: string;
}

export function accessFieldsOf(
  request: FastifyRequest,
  reply: FastifyReply,
  durationMs: number,
): AccessFields {
  const correlationId = reply.raw.getHeader(CORRELATION_ID_HEADER);
  return {
    context: 'Access',
    method: request.method,
    route: routeTemplateOf(request),
    status: reply.statusCode,
    durationMs: Math.round(durationMs * 100) / 100,
    aborted: reply.raw.writableFinished ? undefined : true,
    correlationId: typeof correlationId === 'string' ? correlationId : undefined,
    actor: (request as FastifyRequest & RequestWithActor).actor?.id,
  };
}

/**
 * Writes the request's access line once its response closes: `close` comes exactly once, after
 * the answer is handed to the socket or when the connection goes first (a client leaving a
 * stream), which Fastify's `onResponse` never hears of.
 */
function logWhenClosed(logger: Logger, request: FastifyRequest, reply: FastifyReply): void {
  if (!logger.isLevelEnabled('info')) return;
  const started = performance.now();
  reply.raw.once('close', () => {
    const fields = accessFieldsOf(request, reply, performance.now() - started);
    logger.info(fields, 'request answered');
  });
}

/**
 * Fastify `onRequest` hook writing one `info` line per request, whoever answers it: a refusal by
 * a later boundary hook (401, 413, 415, 429), a handler, or a stream written to the socket. Add
 * it before every other hook, so a refusal does not skip it.
 */
export function logAccess(logger: Logger) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    logWhenClosed(logger, request, reply);
    done();
  };
}

type FrameworkErrorAnswer = (
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) => void;

/**
 * Wraps Fastify's `frameworkErrors` answer (a path the router cannot decode) so its request gets
 * an access line too: Fastify runs no hook for it.
 */
export function logFrameworkErrorAccess(
  logger: Logger,
  answer: FrameworkErrorAnswer,
): FrameworkErrorAnswer {
  return (error, request, reply) => {
    logWhenClosed(logger, request, reply);
    answer(error, request, reply);
  };
}
