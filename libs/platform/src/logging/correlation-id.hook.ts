import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { runWithCorrelationId } from './request-context';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

// Printable ASCII without spaces: the id is echoed in a header and written to logs and events.
const ACCEPTABLE_ID = /^[\x21-\x7e]{1,128}$/;

/** The request's correlation id: the caller's `X-Correlation-Id` when acceptable, else a new UUID. */
export function correlationIdOf(request: { headers: IncomingHttpHeaders }): string {
  const given = request.headers[CORRELATION_ID_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  return value !== undefined && ACCEPTABLE_ID.test(value) ? value : randomUUID();
}

/**
 * Fastify `onRequest` hook, added before every other: echoes the correlation id on the answer and
 * runs the rest of the request in its context. Fastify binds the body parser's callback to the
 * context it starts in, so the handler still sees the id after the body has been read.
 */
export function correlateRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  const correlationId = correlationIdOf(request);
  // On the raw response, so answers written straight to the socket (the change feed) carry it too.
  reply.raw.setHeader('X-Correlation-Id', correlationId);
  runWithCorrelationId(correlationId, done);
}
