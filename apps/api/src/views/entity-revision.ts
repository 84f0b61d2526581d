import type { FastifyReply } from 'fastify';

/**
 * Sets `ETag: "<revision>"`: the entity stream's revision as the view applied it, to send back as
 * `If-Match`. It names the stream, not the whole answer (SLA statuses are judged now, the customer
 * 360 counts other streams); Fastify never turns an answer into a 304 by `If-None-Match`.
 */
export function tagWithRevision(reply: FastifyReply, revision: number): void {
  reply.header('ETag', `"${revision}"`);
}
