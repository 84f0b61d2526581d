import { exampleCommandPayloads } from '@chronicle/application';
import { ApiHarness, TOKENS } from '../src/commands/testing/api-harness';
import { type Schema, type SchemaDocument, schemaProblems } from './support/openapi-schema';

interface Document extends SchemaDocument {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
}

/**
 * The answers of the routes, after a few example commands, checked against the schemas the
 * OpenAPI document gives for their status: required fields present, types and enums right, and
 * no field the document does not declare.
 */
describe('answers against their OpenAPI schemas', () => {
  let api: ApiHarness;
  let document: Document;
  let position = '0';

  beforeAll(async () => {
    api = await ApiHarness.start();
    // The example contact without its custom fields, which would need DefineCustomField first.
    const { customFields: _customFields, ...contact } = exampleCommandPayloads.RegisterContact as {
      customFields?: unknown;
    };
    const commands: Array<[string, unknown]> = [
      ['LaunchCampaign', exampleCommandPayloads.LaunchCampaign],
      ['RegisterContact', contact],
      ['OpenDeal', exampleCommandPayloads.OpenDeal],
      ['DefineSlaPolicy', exampleCommandPayloads.DefineSlaPolicy],
      ['OpenTicket', exampleCommandPayloads.OpenTicket],
    ];
    for (const [type, body] of commands) {
      position = (await api.accepted(type, body, { token: TOKENS.admin })).position;
    }
    document = (await api.request<Document>('/docs-json', {})).body;
  });
  afterAll(() => api.close());

  const check = async (
    template: string,
    path: string,
    expectedStatus = 200,
    method: 'get' | 'post' = 'get',
  ): Promise<void> => {
    const response = await api.request<unknown>(path, {
      token: TOKENS.admin,
      method: method.toUpperCase(),
    });
    expect({ path, status: response.status }).toEqual({ path, status: expectedStatus });
    const schema =
      document.paths[template]?.[method]?.responses[String(expectedStatus)]?.content?.[
        'application/json'
      ]?.schema;
    expect(schema).toBeDefined();
    expect({ path, problems: schemaProblems(document, schema!, response.body) }).toEqual({
      path,
      problems: [],
    });
  };

  it.each([
    ['/views/lifecycle-funnel', '/views/lifecycle-funnel?from=2020-01-01'],
    ['/views/campaigns', '/views/campaigns'],
    ['/views/campaigns', '/views/campaigns?groupBy=channel'],
    ['/views/campaigns/{campaignId}', '/views/campaigns/CMP-1'],
    ['/views/customers/{contactId}', '/views/customers/C-1'],
    ['/views/service-sla', '/views/service-sla'],
    ['/views/tickets', '/views/tickets'],
    ['/views/tickets/{ticketId}', '/views/tickets/T-1'],
    ['/views/pipeline', '/views/pipeline?groupBy=owner'],
    ['/views/forecast', '/views/forecast'],
    ['/views/data-quality', '/views/data-quality'],
    ['/views/contacts', '/views/contacts'],
    ['/views/deals', '/views/deals'],
    ['/views/deals/{dealId}', '/views/deals/D-1'],
    ['/audit/streams/{streamId}', '/audit/streams/contact-C-1'],
    ['/audit/customers/{contactId}/events', '/audit/customers/C-1/events'],
    ['/audit/customers/{contactId}/state', '/audit/customers/C-1/state'],
    ['/audit/customers/{contactId}/verify', '/audit/customers/C-1/verify'],
    ['/audit/streams/{streamId}/verify', '/audit/streams/contact-C-1/verify'],
    ['/audit/verify', '/audit/verify'],
    ['/feed', '/feed'],
    ['/admin/projections', '/admin/projections'],
    ['/admin/webhooks', '/admin/webhooks'],
    ['/whoami', '/whoami'],
    ['/health', '/health'],
  ])('%s (%s)', async (template, path) => {
    const separator = path.includes('?') ? '&' : '?';
    const waits = /^\/(views\/(?!customers|deals\/|tickets\/)|audit\/customers)/.test(path);
    await check(template, waits ? `${path}${separator}minPosition=${position}` : path);
  });

  it('answers the integrity routes with their schemas', async () => {
    await check('/audit/checkpoints/latest', `/audit/checkpoints/latest?minPosition=${position}`);
    await check('/audit/proofs/inclusion', `/audit/proofs/inclusion?position=${position}`);
    await check('/audit/proofs/consistency', '/audit/proofs/consistency?from=1&to=2');
    await check('/admin/whoami', '/admin/whoami');
  });

  it('answers a projection rebuild with its schema', async () => {
    await check(
      '/admin/projections/{name}/rebuild',
      '/admin/projections/data-quality/rebuild',
      202,
      'post',
    );
  });

  it('answers an error with the error schema', async () => {
    await check('/views/lifecycle-funnel', '/views/lifecycle-funnel?from=2025-02-31', 400);
    await check('/views/deals/{dealId}', '/views/deals/D-404', 404);
  });
});
