import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateFirst } from '../auth/authenticate-first.hook';
import type { ChronicleConfig } from '../config/chronicle-config';
import { correlateRequest } from '../logging/correlation-id.hook';
import { admitHeavyReads } from './admit-heavy-reads.hook';
import { jsonBodiesOnly } from './json-bodies-only.hook';
import { readJsonBody } from './json-body-reader';

export type HttpBoundarySettings = Pick<
  ChronicleConfig,
  'apiKeys' | 'bodyLimitBytes' | 'maxHeavyQueries'
>;

/**
 * What every request meets before a route handler, in this order (docs/api.md, "The boundary"):
 * its correlation id; the key, before a byte of the body is read; the heavy-read admission; the
 * body's media type and encoding; then the body itself, read as JSON by our own reader instead
 * of Fastify's parsers. `onRequest` hooks run before Fastify reads the body.
 */
export function installHttpBoundary(app: FastifyInstance, settings: HttpBoundarySettings): void {
  // Declared up front, so every request object has the same shape.
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', correlateRequest);
  app.addHook('onRequest', authenticateFirst(settings.apiKeys));
  app.addHook('onRequest', admitHeavyReads(settings.maxHeavyQueries));
  app.addHook('onRequest', jsonBodiesOnly);
  app.removeAllContentTypeParsers();
  // Every media type: the hook above has already refused what is not JSON.
  app.addContentTypeParser('*', (request: FastifyRequest, payload: IncomingMessage) =>
    readJsonBody(payload, request.headers, settings.bodyLimitBytes),
  );
}
