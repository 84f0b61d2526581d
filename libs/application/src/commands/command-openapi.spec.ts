import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { validateCommand } from '../validation/validate-command';
import { exampleCommandPayloads } from './command-examples';
import { COMMAND_TYPES, type CommandType } from '@chronicle/domain';
import { commandCatalog } from './command-catalog';

const NOW = new Date('2025-03-01T12:00:00Z');

interface PropertySchema {
  example?: unknown;
  $ref?: string;
  items?: { $ref?: string };
  allOf?: { $ref?: string }[];
}
interface ObjectSchema {
  properties: Record<string, PropertySchema>;
  required?: string[];
}

// Required only in combination with another field's value, which OpenAPI's `required` cannot say.
const CONDITIONALLY_REQUIRED: Partial<Record<CommandType, string[]>> = {
  DefineCustomField: ['options'],
};

@Module({})
class NoControllersModule {}

describe('the OpenAPI description of the commands', () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await NestFactory.create(NoControllersModule, new FastifyAdapter(), { logger: false });
    document = SwaggerModule.createDocument(app, new DocumentBuilder().build(), {
      extraModels: COMMAND_TYPES.map((type) => commandCatalog[type].dto),
    });
  });

  afterAll(async () => {
    await app.close();
  });

  const schemaOf = (name: string) => document.components?.schemas?.[name] as ObjectSchema;
  const commandSchema = (type: CommandType) => schemaOf(commandCatalog[type].dto.name);

  it('names only schemas that exist', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const name = ref.replace(/^"\$ref":"#\/components\/schemas\//, '').replace(/"$/, '');
      expect(schemaOf(name)).toBeDefined();
    }
  });

  it.each(COMMAND_TYPES)('gives every field of %s an example', (type) => {
    for (const [field, property] of Object.entries(commandSchema(type).properties)) {
      expect({ field, hasExample: property.example !== undefined }).toEqual({
        field,
        hasExample: true,
      });
    }
  });

  it.each(COMMAND_TYPES)('documents every field of the %s example', (type) => {
    const documented = Object.keys(commandSchema(type).properties);
    expect(documented).toEqual(expect.arrayContaining(Object.keys(exampleCommandPayloads[type])));
  });

  it.each(COMMAND_TYPES)('refuses %s without a field the schema calls required', (type) => {
    for (const field of commandSchema(type).required ?? []) {
      const body: Record<string, unknown> = { ...exampleCommandPayloads[type] };
      delete body[field];
      const result = validateCommand(type, body, NOW);
      expect(result.ok ? [] : result.problems.map((problem) => problem.field)).toContain(field);
    }
  });

  it.each(COMMAND_TYPES)('accepts %s without any one field the schema calls optional', (type) => {
    const { properties, required = [] } = commandSchema(type);
    const optional = Object.keys(properties).filter(
      (field) => !required.includes(field) && !CONDITIONALLY_REQUIRED[type]?.includes(field),
    );
    for (const field of optional) {
      const body: Record<string, unknown> = { ...exampleCommandPayloads[type] };
      delete body[field];
      expect({ field, ok: validateCommand(type, body, NOW).ok }).toEqual({ field, ok: true });
    }
  });
});
