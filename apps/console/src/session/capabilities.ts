// What this server's API offers, read from its own OpenAPI document (public, generated from the
// DTOs that validate each request): a control appears only when the route declares the parameter
// it sends, so as-of, attribution models and breakdowns show up as soon as the API gains them.

export interface RouteCapability {
  /** Declared query parameters, with their allowed values when they are a choice. */
  parameters: Map<string, readonly string[] | undefined>;
}

export class Capabilities {
  constructor(private readonly routes: ReadonlyMap<string, RouteCapability>) {}

  has(path: string): boolean {
    return this.routes.has(path);
  }

  accepts(path: string, parameter: string): boolean {
    return this.routes.get(path)?.parameters.has(parameter) ?? false;
  }

  /** The values a choice parameter allows; `[]` when the route does not declare it. */
  choices(path: string, parameter: string): readonly string[] {
    return this.routes.get(path)?.parameters.get(parameter) ?? [];
  }
}

interface OpenApiSchema {
  enum?: unknown[];
  $ref?: string;
  items?: OpenApiSchema;
  allOf?: OpenApiSchema[];
}

interface OpenApiDocument {
  paths?: Record<string, { get?: { parameters?: Array<Record<string, unknown>> } }>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

/** The GET routes of an OpenAPI 3 document, keyed by path template (`/views/campaigns/{id}`). */
export function capabilitiesOf(document: unknown): Capabilities {
  const { paths = {}, components = {} } = (document ?? {}) as OpenApiDocument;
  const schemas = components.schemas ?? {};
  const routes = new Map<string, RouteCapability>();
  for (const [path, item] of Object.entries(paths)) {
    if (!item.get) continue;
    const parameters = new Map<string, readonly string[] | undefined>();
    for (const parameter of item.get.parameters ?? []) {
      if (parameter.in !== 'query' || typeof parameter.name !== 'string') continue;
      parameters.set(parameter.name, enumOf(parameter.schema as OpenApiSchema, schemas));
    }
    routes.set(path, { parameters });
  }
  return new Capabilities(routes);
}

/** The allowed values of a schema, through `$ref`, `allOf` (as Nest writes enums) and arrays. */
function enumOf(
  schema: OpenApiSchema | undefined,
  schemas: Record<string, OpenApiSchema>,
  depth = 0,
): readonly string[] | undefined {
  if (!schema || depth > 5) return undefined;
  if (schema.$ref) return enumOf(schemas[schema.$ref.split('/').pop() ?? ''], schemas, depth + 1);
  if (schema.enum) return schema.enum.filter((value): value is string => typeof value === 'string');
  for (const part of schema.allOf ?? []) {
    const values = enumOf(part, schemas, depth + 1);
    if (values) return values;
  }
  return enumOf(schema.items, schemas, depth + 1);
}

export async function loadCapabilities(): Promise<Capabilities> {
  const response = await fetch('/docs-json', { credentials: 'omit' });
  if (!response.ok) return new Capabilities(new Map());
  return capabilitiesOf(await response.json());
}
