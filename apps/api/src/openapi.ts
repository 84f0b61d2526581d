import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { COMMAND_TYPES, commandCatalog, exampleCommandPayloads } from '@chronicle/application';

/** Serves the OpenAPI document at `/docs` (UI) and `/docs-json`. */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Chronicle')
    .setDescription('Event-sourced customer relationship data: commands, views, audit.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key' })
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => {
    const document = SwaggerModule.createDocument(app, config, {
      extraModels: COMMAND_TYPES.map((type) => commandCatalog[type].dto),
    });
    return withOneOperationPerCommand(document);
  });
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
