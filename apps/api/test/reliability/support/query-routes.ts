import type { ApiHarness } from '../../../src/commands/testing/api-harness';

/** What a query parameter takes, read from its OpenAPI schema. */
export type ParameterKind =
  | { kind: 'time' }
  | { kind: 'position'; pattern: RegExp }
  | { kind: 'integer'; min: number; max: number }
  /** A decimal number above 0 (exclusive) and at most `max`, in its plain spelling. */
  | { kind: 'positive'; max: number }
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'text'; maxLength: number }
  /** An opaque paging token a previous answer gave; only an earlier page can make a valid one. */
  | { kind: 'cursor' };

export interface QueryRoute {
  method: 'GET' | 'POST';
  /** As OpenAPI names it, e.g. `/views/customers/{contactId}`. */
  template: string;
  /** With its path parameters filled in. */
  path: string;
  parameters: Readonly<Record<string, ParameterKind>>;
  /** The parameters OpenAPI marks required. */
  required: readonly string[];
}

interface Schema {
  type?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  maxLength?: number;
  enum?: string[];
  anyOf?: Schema[];
  $ref?: string;
  allOf?: Array<{ $ref?: string }>;
}

interface Operation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
}

interface OpenApiDocument {
  paths: Record<string, { get?: Operation; post?: Operation }>;
  components: { schemas: Record<string, Schema> };
}

// Ids of the world the fuzz suite sets up; an id it does not know still reaches the query check.
const PATH_VALUES: Readonly<Record<string, string>> = {
  contactId: 'C-1',
  campaignId: 'CMP-1',
  ticketId: 'T-1',
  dealId: 'D-1',
  streamId: 'contact-C-1',
  name: 'pipeline',
};

/**
 * Every route the server documents, with its query parameters: read from the OpenAPI document, so
 * a route added later is fuzzed too. A schema this file cannot classify fails the suite loudly.
 */
export async function documentedRoutes(api: ApiHarness): Promise<QueryRoute[]> {
  const { status, body } = await api.request<OpenApiDocument>('/docs-json', {});
  if (status !== 200) throw new Error(`/docs-json answered ${status}`);
  const routes: QueryRoute[] = [];
  for (const [template, item] of Object.entries(body.paths)) {
    for (const method of ['GET', 'POST'] as const) {
      const operation = method === 'GET' ? item.get : item.post;
      if (!operation) continue;
      const parameters: Record<string, ParameterKind> = {};
      const required: string[] = [];
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'query') continue;
        parameters[parameter.name] = kindOf(template, parameter.name, parameter.schema ?? {}, body);
        if (parameter.required) required.push(parameter.name);
      }
      routes.push({ method, template, path: fillPath(template), parameters, required });
    }
  }
  return routes;
}

function fillPath(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) =>
    encodeURIComponent(PATH_VALUES[name] ?? 'X-1'),
  );
}

function kindOf(
  route: string,
  name: string,
  schema: Schema,
  document: OpenApiDocument,
): ParameterKind {
  // A named enum: a $ref (the document unwraps Nest's lone `allOf: [{ $ref }]`).
  const ref = schema.$ref ?? schema.allOf?.[0]?.$ref;
  const resolved = ref ? document.components.schemas[ref.split('/').pop()!] : schema;
  if (resolved?.enum) return { kind: 'choice', values: resolved.enum };
  if (schema.format === 'cursor') return { kind: 'cursor' };
  if (schema.anyOf?.some(({ format }) => format === 'date')) return { kind: 'time' };
  if (schema.pattern) return { kind: 'position', pattern: new RegExp(schema.pattern) };
  if (schema.type === 'integer' && schema.minimum !== undefined && schema.maximum !== undefined) {
    return { kind: 'integer', min: schema.minimum, max: schema.maximum };
  }
  if (schema.type === 'number' && schema.minimum === 0 && schema.exclusiveMinimum === true) {
    if (schema.maximum !== undefined) return { kind: 'positive', max: schema.maximum };
  }
  if (schema.type === 'string' && schema.maxLength !== undefined) {
    return { kind: 'text', maxLength: schema.maxLength };
  }
  throw new Error(
    `${route}: query parameter ${name} has a schema the fuzz suite does not know ` +
      `(${JSON.stringify(schema)}); teach support/query-routes.ts its kind`,
  );
}
