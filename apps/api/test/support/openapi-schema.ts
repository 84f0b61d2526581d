/** Just enough of OpenAPI 3.0 schemas to check an answer against the document it came with. */
export interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

export interface SchemaDocument {
  components: { schemas: Record<string, Schema> };
}

/**
 * What in `value` the schema does not allow, one line per problem (empty: it conforms). Stricter
 * than JSON Schema on one point: an object field the schema does not declare is a problem unless
 * the schema says `additionalProperties`, so an answer cannot grow fields the contract misses.
 */
export function schemaProblems(
  document: SchemaDocument,
  schema: Schema,
  value: unknown,
  at = '$',
): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components.schemas[name];
    if (!target) return [`${at}: unknown schema ${schema.$ref}`];
    return schemaProblems(document, target, value, at);
  }
  if (schema.allOf) {
    return schema.allOf.flatMap((part) => schemaProblems(document, part, value, at));
  }
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) {
    const each = choices.map((choice) => schemaProblems(document, choice, value, at));
    if (each.some((problems) => problems.length === 0)) return [];
    return [`${at}: matches none of its ${choices.length} schemas (${each.flat().join('; ')})`];
  }
  if (value === null) return schema.nullable ? [] : [`${at}: null, not nullable`];
  if (schema.enum && !schema.enum.includes(value)) {
    return [`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`];
  }
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${at}: not a string`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: not a number`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: not an integer`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: not an array`];
      return value.flatMap((item, index) =>
        schemaProblems(document, schema.items ?? {}, item, `${at}[${index}]`),
      );
    case 'object':
      return objectProblems(document, schema, value, at);
    case undefined:
    default:
      // No type: an object if it lists properties, otherwise anything.
      return schema.properties ? objectProblems(document, schema, value, at) : [];
  }
}

function objectProblems(
  document: SchemaDocument,
  schema: Schema,
  value: unknown,
  at: string,
): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [`${at}: not an object`];
  }
  const record = value as Record<string, unknown>;
  const problems = (schema.required ?? [])
    .filter((name) => !(name in record))
    .map((name) => `${at}.${name}: required, missing`);
  for (const [name, field] of Object.entries(record)) {
    const declared = schema.properties?.[name];
    if (declared) problems.push(...schemaProblems(document, declared, field, `${at}.${name}`));
    else if (typeof schema.additionalProperties === 'object') {
      problems.push(
        ...schemaProblems(document, schema.additionalProperties, field, `${at}.${name}`),
      );
    } else if (schema.additionalProperties !== true) {
      problems.push(`${at}.${name}: not in the schema`);
    }
  }
  return problems;
}
