import type { FastifyRequest } from 'fastify';

/**
 * The route template a request matched (`/views/customers/:contactId`), never its path, so ids
 * and queries stay out of logs and metric labels. A path no route matched may hold anything a
 * caller typed: it is named `unmatched`.
 */
export function routeTemplateOf(request: FastifyRequest): string {
  return request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
}
