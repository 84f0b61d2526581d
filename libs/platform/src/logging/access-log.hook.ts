import { performance } from 'node:perf_hooks';
import type { FastifyError, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
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

const roundedMs = (ms: number): number => Math.round(ms * 100) / 100;

export function accessFieldsOf(request: FastifyRequest, reply: FastifyReply): AccessFields {
  const correlationId = reply.raw.getHeader(CORRELATION_ID_HEADER);
  return {
    context: 'Access',
    method: request.method,
    // A path no route matched may hold anything a caller typed: it is not written.
    route: request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched'),
    status: reply.statusCode,
    durationMs: roundedMs(reply.elapsedTime),
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

type FrameworkErrorAnswer = (
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) => void;

/**
 * Wraps Fastify's `frameworkErrors` answer (a path the router cannot decode) so its request gets
 * an access line too: Fastify runs no hook for it, `onResponse` included, and starts no clock.
 */
export function logFrameworkErrorAccess(
  logger: Logger,
  answer: FrameworkErrorAnswer,
): FrameworkErrorAnswer {
  return (error, request, reply) => {
    const started = performance.now();
    reply.raw.once('finish', () => {
      if (!logger.isLevelEnabled('info')) return;
      const durationMs = roundedMs(performance.now() - started);
      logger.info({ ...accessFieldsOf(request, reply), durationMs }, 'request answered');
    });
    answer(error, request, reply);
  };
}
