import { COMMAND_TYPES, exampleCommandPayloads } from '@chronicle/application';
import { ApiHarness } from '../src/commands/testing/api-harness';

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: { $ref: string }; example: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface OpenApiDocument {
  info: { license?: { name: string }; description?: string };
  servers?: Array<{ url: string }>;
  tags?: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
}

function operations(document: OpenApiDocument): Array<[string, Operation]> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]): [string, Operation] => [
      `${method.toUpperCase()} ${path}`,
      operation,
    ]),
  );
}

describe('the OpenAPI page', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(() => api.close());

  it('documents every command with its own schema and an example', async () => {
    const { status, body } = await api.request<OpenApiDocument>('/docs-json', {});
    expect(status).toBe(200);
    for (const type of COMMAND_TYPES) {
      const json = body.paths[`/commands/${type}`]?.post?.requestBody?.content['application/json'];
      expect(json?.example).toEqual(exampleCommandPayloads[type]);
      const schemaName = json!.schema.$ref.replace('#/components/schemas/', '');
      expect(body.components.schemas[schemaName]).toEqual(
        expect.objectContaining({ type: 'object' }),
      );
    }
  });

  it('gives every operation a summary, a known tag, a typed answer and the error schema', async () => {
    const { body } = await api.request<OpenApiDocument>('/docs-json', {});
    const tags = new Set((body.tags ?? []).map((tag) => tag.name));
    const problems: string[] = [];
    for (const [name, operation] of operations(body)) {
      if (!operation.summary) problems.push(`${name}: no summary`);
      for (const tag of operation.tags ?? []) {
        if (!tags.has(tag)) problems.push(`${name}: tag ${tag} not described`);
      }
      const statuses = Object.keys(operation.responses);
      if (!statuses.some((status) => status.startsWith('2'))) problems.push(`${name}: no 2xx`);
      if (!statuses.includes('500')) problems.push(`${name}: no 500`);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (status === '204') continue;
        const media = Object.entries(response.content ?? {});
        if (media.length === 0) problems.push(`${name} ${status}: no content`);
        for (const [type, { schema }] of media) {
          if (!schema) problems.push(`${name} ${status} ${type}: no schema`);
        }
        // /health answers 503 with its own report, not an error.
        if (Number(status) >= 400 && name !== 'GET /health') {
          expect({ name, status, content: response.content }).toEqual({
            name,
            status,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
          });
        }
      }
    }
    expect(problems).toEqual([]);
    expect(body.components.schemas.ErrorBody).toEqual(
      expect.objectContaining({ required: ['statusCode', 'code', 'message'] }),
    );
    expect(body.components.securitySchemes).toHaveProperty('bearer');
    expect(body.servers?.length).toBeGreaterThan(0);
    expect(body.info.license?.name).toContain('UNLICENSED');
  });

  it('documents the answers the example client reads', async () => {
    const { body } = await api.request<OpenApiDocument>('/docs-json', {});
    const jsonAnswer = (path: string, method: string, status: string): unknown =>
      body.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;
    expect(jsonAnswer('/commands/RegisterContact', 'post', '201')).toEqual({
      $ref: '#/components/schemas/CommandAnswer',
    });
    expect(jsonAnswer('/views/lifecycle-funnel', 'get', '200')).toEqual({
      $ref: '#/components/schemas/LifecycleFunnelAnswer',
    });
    expect(jsonAnswer('/audit/customers/{contactId}/events', 'get', '200')).toEqual({
      $ref: '#/components/schemas/CustomerEventsPageAnswer',
    });
    // Only /health is served without a key.
    const open = operations(body)
      .filter(([, operation]) => operation.security?.length === 0)
      .map(([name]) => name);
    expect(open).toEqual(['GET /health']);
  });
});
