import type { FastifyReply } from 'fastify';
import type { ErrorBody } from './error-response';

/**
 * Sends an error answer, or cuts the connection when a streamed answer has already begun: its
 * status line is gone, and a truncated stream must not look complete.
 */
export function sendErrorAnswer(reply: FastifyReply, body: ErrorBody): void {
  if (reply.sent || reply.raw.headersSent) {
    reply.raw.destroy();
    return;
  }
  if (body.statusCode === 401) reply.header('WWW-Authenticate', 'Bearer');
  void reply
    .code(body.statusCode)
    .header('Content-Type', 'application/json; charset=utf-8')
    .send(JSON.stringify(body));
}
