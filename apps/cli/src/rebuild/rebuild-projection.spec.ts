import { ApiHarness, TOKENS } from '../../../api/src/commands/testing/api-harness';
import { parseRebuildArguments } from './rebuild-args';
import { rebuildProjection } from './rebuild-projection';

describe('chronicle-cli rebuild', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
    for (let index = 0; index < 20; index += 1) {
      await api.accepted('RegisterContact', {
        contactId: `C-${index}`,
        lastName: `Contact ${index}`,
      });
    }
  });
  afterAll(() => api.close());

  it('rebuilds a projection through the API and returns once the new copy serves', async () => {
    const { jobId } = await rebuildProjection({
      url: api.baseUrl,
      token: TOKENS.admin,
      projection: 'lifecycle-funnel',
      pollMs: 20,
    });
    expect(jobId).toEqual(expect.any(String));
    const status = await api.request<{
      projections: Array<{ name: string; state: string; generation: number }>;
    }>('/admin/projections', { token: TOKENS.admin });
    const funnel = status.body.projections.find(
      (projection) => projection.name === 'lifecycle-funnel',
    );
    expect(funnel?.state).not.toBe('rebuilding');
    expect(funnel?.generation).toBeGreaterThan(1);
    const funnelView = await api.request<{ total: number }>('/views/lifecycle-funnel', {
      token: TOKENS.analyst,
    });
    expect(funnelView.body.total).toBe(20);
  });

  it('says which projection is unknown', async () => {
    await expect(
      rebuildProjection({
        url: api.baseUrl,
        token: TOKENS.admin,
        projection: 'no-such-view',
        pollMs: 20,
      }),
    ).rejects.toThrow(/404/);
  });

  it('needs the URL and an admin token', () => {
    expect(() => parseRebuildArguments(['rebuild', 'pipeline', '--url', 'http://x'])).toThrow(
      /CHRONICLE_TOKEN or --token/,
    );
    expect(parseRebuildArguments(['rebuild', 'pipeline', '--url', 'http://x'], 'env').token).toBe(
      'env',
    );
    expect(
      parseRebuildArguments(['rebuild', 'pipeline', '--url', 'http://x', '--token', 't']),
    ).toEqual({
      projection: 'pipeline',
      url: 'http://x',
      token: 't',
      progress: true,
    });
  });
});
