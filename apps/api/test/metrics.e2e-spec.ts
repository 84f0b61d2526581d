import { ApiHarness, TOKENS } from '../src/commands/testing/api-harness';

describe('GET /metrics', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.accepted('RegisterContact', { contactId: 'C-1', lastName: 'Lovelace' });
  });
  afterAll(() => api.close());

  it('answers Prometheus text to an admin: head, projection positions and lag, HTTP counts', async () => {
    const response = await fetch(`${api.baseUrl}/metrics`, {
      headers: { Authorization: `Bearer ${TOKENS.admin}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^chronicle_event_store_head_position 1$/m);
    expect(text).toMatch(/^chronicle_projection_lag\{projection="pipeline"\} \d+$/m);
    expect(text).toMatch(
      /^chronicle_http_requests_total\{method="POST",route="\/commands\/:type",status="2xx"\} 1$/m,
    );
  });

  it('refuses callers without a key (401) and keys without the admin role (403)', async () => {
    expect((await fetch(`${api.baseUrl}/metrics`)).status).toBe(401);
    const analyst = await fetch(`${api.baseUrl}/metrics`, {
      headers: { Authorization: `Bearer ${TOKENS.analyst}` },
    });
    expect(analyst.status).toBe(403);
  });
});
