import { COMMAND_TYPES, exampleCommandPayloads } from '@chronicle/application';
import { ApiHarness } from '../src/commands/testing/api-harness';

interface OpenApiDocument {
  paths: Record<
    string,
    {
      post?: {
        requestBody?: { content: Record<string, { schema: { $ref: string }; example: unknown }> };
      };
    }
  >;
  components: { schemas: Record<string, unknown> };
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
});
