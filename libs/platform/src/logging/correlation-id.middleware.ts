import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runWithCorrelationId } from './request-context';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

// Printable ASCII without spaces: the id is echoed in a header and written to logs and events.
const ACCEPTABLE_ID = /^[\x21-\x7e]{1,128}$/;

/** The request's correlation id: the caller's `X-Correlation-Id` when acceptable, else a new UUID. */
export function correlationIdOf(request: IncomingMessage): string {
  const given = request.headers[CORRELATION_ID_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  return value !== undefined && ACCEPTABLE_ID.test(value) ? value : randomUUID();
}

/**
 * express middleware: echoes the correlation id in the response and runs the rest of the request
 * in its context. Mount it first, so even body-parser errors carry the header.
 */
export function correlationIdMiddleware(
  request: IncomingMessage & { correlationId?: string },
  response: ServerResponse,
  next: () => void,
): void {
  const correlationId = correlationIdOf(request);
  request.correlationId = correlationId;
  response.setHeader('X-Correlation-Id', correlationId);
  runWithCorrelationId(correlationId, next);
}
