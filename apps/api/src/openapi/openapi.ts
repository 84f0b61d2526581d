import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { COMMAND_TYPES, commandCatalog, exampleCommandPayloads } from '@chronicle/application';
import { ErrorBody, FieldProblem } from './api-errors';

/** The tags of the document, in the order the OpenAPI page shows them. */
const TAGS: ReadonlyArray<{ name: string; description: string }> = [
  {
    name: 'commands',
    description:
      'The write side: one operation per command type (`POST /commands/{type}`), role `service`. See docs/api.md for idempotency, If-Match and the errors.',
  },
  {
    name: 'views',
    description:
      'Read models projected from the events (role `analyst`, lookups also `service`); `minPosition` waits for a write to be projected, `validAt` answers as of a business time.',
  },
  {
    name: 'audit',
    description:
      'Stored events with full metadata, customer histories, bitemporal state and the integrity proofs (role `auditor`).',
  },
  {
    name: 'feed',
    description: 'The change feed: every event after a position, as pages or Server-Sent Events.',
  },
  { name: 'admin', description: 'Projections and webhooks (role `admin`).' },
  { name: 'operations', description: 'Health, metrics and the calling key.' },
];

/** Serves the OpenAPI document at `/docs` (UI) and `/docs-json`. */
export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app));
}

/** The whole document, built from the controllers and DTO classes of the application. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Chronicle')
    .setDescription(
      'Event-sourced customer relationship data: commands, views, audit, the change feed and administration. ' +
        'Every request but `/health`, `/metrics` and this document carries `Authorization: Bearer <API key>`; ' +
        'every error answers `{ statusCode, code, message, details? }` (the `ErrorBody` schema). ' +
        'Prose documentation: docs/api.md.',
    )
    .setVersion('1')
    .addServer('/', 'The server that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key' })
    .addSecurityRequirements('bearer');
  for (const tag of TAGS) builder.addTag(tag.name, tag.description);
  const config = builder.build();
  // package.json says UNLICENSED: proprietary, no license text at a URL (redocly.yaml).
  config.info.license = { name: 'UNLICENSED (proprietary)' };
  config.info.contact = { name: 'Chronicle maintainers' };
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [
      ...COMMAND_TYPES.map((type) => commandCatalog[type].dto),
      ErrorBody,
      FieldProblem,
    ],
  });
  const health = document.paths['/health']?.get;
  // The one route served without a key (the OpenAPI document itself is outside the API's routes).
  if (health) health.security = [];
  return withoutSingleAllOf(withOneOperationPerCommand(document));
}

/**
 * One HTTP route serves every command (`POST /commands/{type}`), so Nest sees a single untyped
 * body. Callers need each command's own schema and an example: describe each type as its own
 * path, built from the same DTO classes that validate the requests.
 */
function withOneOperationPerCommand(document: OpenAPIObject): OpenAPIObject {
  const generic = document.paths['/commands/{type}']?.post;
  const paths = { ...document.paths };
  delete paths['/commands/{type}'];
  for (const type of COMMAND_TYPES) {
    paths[`/commands/${type}`] = {
      post: {
        ...generic,
        operationId: `command_${type}`,
        summary: `Send ${type}`,
        tags: ['commands'],
        parameters: (generic?.parameters ?? []).filter(
          (parameter) => !('name' in parameter) || parameter.name !== 'type',
        ),
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: `#/components/schemas/${commandCatalog[type].dto.name}` },
              example: exampleCommandPayloads[type],
            },
          },
        },
        responses: generic?.responses ?? {},
      },
    };
  }
  return { ...document, paths };
}

/**
 * Nest wraps a named enum in `allOf: [{ $ref }]` so that a description may sit beside it; a
 * lone `allOf` is the reference itself (and readers of the document need not unwrap it).
 */
function withoutSingleAllOf<T>(node: T): T {
  if (Array.isArray(node)) return node.map((item: unknown) => withoutSingleAllOf(item)) as T;
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>);
  const allOf = (node as { allOf?: unknown[] }).allOf;
  if (Array.isArray(allOf) && allOf.length === 1 && entries.length === 1) {
    return withoutSingleAllOf(allOf[0]) as T;
  }
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutSingleAllOf(value)])) as T;
}
