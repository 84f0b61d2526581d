import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Sets `ETag: "<revision>"`: the entity stream's revision as the view applied it, to send back as
 * `If-Match`. It names the stream, not the whole answer (SLA statuses are judged now, the customer
 * 360 counts other streams), so the answer is never turned into a 304 by `If-None-Match`.
 */
export function tagWithRevision(
  request: IncomingMessage,
  response: ServerResponse,
  revision: number,
): void {
  response.setHeader('ETag', `"${revision}"`);
  delete request.headers['if-none-match'];
}
