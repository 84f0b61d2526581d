import { ApiHarness, TOKENS } from '../../src/commands/testing/api-harness';
import { expectedCells, parseCsv } from '../support/csv';

interface Campaign {
  campaignId: string;
  model: string;
  reached: number;
  leads: number;
  customers: number;
  dealsWon: number;
  revenue: number;
}
interface CampaignList {
  campaigns: Campaign[];
  position: string;
}
interface Channels {
  channels: Array<{ channel: string; campaigns: number; reached: number; customers: number }>;
}

const at = (day: string): string => `2025-01-${day}T00:00:00.000Z`;
const VALID_AT = '2025-01-08T00:00:00Z';

/**
 * CMP-A (email) and CMP-B (social) are launched on 01-01, CMP-C (email) on 01-10. C-1 registers
 * on 01-01 naming CMP-A, is touched by CMP-B on 01-05, becomes customer on 01-06 and wins deal
 * D-1 (no campaign of its own) for 900 on 01-07. Recorded afterwards: a CMP-B touch dated
 * 2024-12-31, before everything else.
 */
describe('the campaigns views as of a business moment', () => {
  let api: ApiHarness;
  let position = '0';
  const send = async (type: string, body: Record<string, unknown>): Promise<void> => {
    position = (await api.accepted(type, body)).position;
  };
  const read = <T = CampaignList>(path: string): Promise<{ status: number; body: T }> =>
    api.request<T>(`${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`, {
      token: TOKENS.analyst,
    });
  const launch = (campaignId: string, channel: string, day: string) =>
    send('LaunchCampaign', {
      campaignId,
      name: campaignId,
      channel,
      startsAt: at(day),
      budget: 1000,
      currency: 'EUR',
      occurredAt: at(day),
    });
  const figures = (list: CampaignList) =>
    list.campaigns.map((c) => [c.campaignId, c.customers, c.dealsWon, c.revenue]);

  beforeAll(async () => {
    api = await ApiHarness.start();
    await launch('CMP-A', 'email', '01');
    await launch('CMP-B', 'social', '01');
    await launch('CMP-C', 'email', '10');
    await send('RegisterContact', {
      contactId: 'C-1',
      firstName: 'Ada',
      lifecycleStage: 'lead',
      campaignId: 'CMP-A',
      occurredAt: at('01'),
    });
    await send('RecordCampaignTouch', {
      campaignId: 'CMP-B',
      contactId: 'C-1',
      kind: 'sent',
      occurredAt: at('05'),
    });
    await send('ChangeLifecycleStage', {
      contactId: 'C-1',
      stage: 'customer',
      occurredAt: at('06'),
    });
    await send('OpenDeal', {
      dealId: 'D-1',
      contactId: 'C-1',
      name: 'Seats',
      amount: 900,
      currency: 'EUR',
      stage: 'new',
      channel: 'online',
      ownerId: 'U-1',
      occurredAt: at('06'),
    });
    await send('WinDeal', { dealId: 'D-1', amount: 900, occurredAt: at('07') });
  });

  afterAll(() => api.close());

  it('credits the touches known by validAt, and a backfill recorded later changes that answer', async () => {
    const linear = `/views/campaigns?model=linear&validAt=${VALID_AT}`;
    // On 01-08, C-1's campaign contacts are CMP-A (registration) and CMP-B: half each. CMP-C,
    // launched 01-10, is not there yet.
    expect(figures((await read(linear)).body)).toEqual([
      ['CMP-A', 0.5, 0.5, 450],
      ['CMP-B', 0.5, 0.5, 450],
    ]);
    const firstTouch = await read(`/views/campaigns/CMP-A?validAt=${VALID_AT}`);
    expect(firstTouch.body).toMatchObject({ model: 'first_touch', customers: 1, revenue: 900 });
    expect((await read(`/views/campaigns/CMP-C?validAt=${VALID_AT}`)).status).toBe(404);
    // Before the customer entry on 01-06, nobody was a customer and nothing was won.
    const early = await read('/views/campaigns?model=u_shaped&validAt=2025-01-05T00:00:00Z');
    expect(figures(early.body)).toEqual([
      ['CMP-A', 0, 0, 0],
      ['CMP-B', 0, 0, 0],
    ]);

    await send('RecordCampaignTouch', {
      campaignId: 'CMP-B',
      contactId: 'C-1',
      kind: 'opened',
      occurredAt: '2024-12-31T00:00:00Z',
    });

    // Now CMP-B (12-31), CMP-A (01-01), CMP-B (01-05): linear gives CMP-B 2/3, CMP-A 1/3.
    expect(figures((await read(linear)).body)).toEqual([
      ['CMP-A', 0.333333333, 0.333333333, 300],
      ['CMP-B', 0.666666667, 0.666666667, 600],
    ]);
    // Time decay with a 1-day half-life, towards the customer entry on 01-06: Δ = 6, 5 and 1
    // days, weights ∝ 2^-5, 2^-4, 1 = 1/32, 2/32, 32/32: CMP-B 33/35, CMP-A 2/35 (of D-1's 900:
    // 848.571429 and 51.428571).
    const decayed = await read(
      `/views/campaigns?model=time_decay&halfLifeDays=1&validAt=${VALID_AT}`,
    );
    expect(figures(decayed.body)).toEqual([
      ['CMP-A', 0.057142857, 0.057142857, 51.428571],
      ['CMP-B', 0.942857143, 0.942857143, 848.571429],
    ]);
    // The first touch is CMP-B's backfilled one.
    expect((await read(`/views/campaigns/CMP-A?validAt=${VALID_AT}`)).body).toMatchObject({
      customers: 0,
      dealsWon: 0,
    });
    // CMP-B reached C-1 once, whatever the number of touches; the channel answer agrees.
    const channels = await read<Channels>(
      `/views/campaigns?groupBy=channel&model=linear&validAt=${VALID_AT}`,
    );
    expect(channels.body.channels).toEqual([
      expect.objectContaining({
        channel: 'email',
        campaigns: 1,
        reached: 0,
        customers: 0.333333333,
      }),
      expect.objectContaining({
        channel: 'social',
        campaigns: 1,
        reached: 1,
        customers: 0.666666667,
      }),
    ]);
    // Live, CMP-C is launched and appears.
    const live = await read('/views/campaigns?model=linear');
    expect(live.body.campaigns.map((c) => c.campaignId)).toEqual(['CMP-A', 'CMP-B', 'CMP-C']);
  });

  it.each(['2025-02-31', 'yesterday'])(
    'refuses validAt=%s with 400 naming validAt on every campaigns route, and changes nothing',
    async (bad) => {
      const asked = `/views/campaigns?model=time_decay&validAt=${VALID_AT}`;
      const first = await read(asked);
      for (const route of [
        '/views/campaigns',
        '/views/campaigns?groupBy=channel',
        '/views/campaigns/CMP-A',
      ]) {
        const response = await read<{ code: string; details: Array<{ field: string }> }>(
          `${route}${route.includes('?') ? '&' : '?'}validAt=${bad}`,
        );
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(response.body.details.map(({ field }) => field)).toContain('validAt');
      }
      expect((await read(asked)).body).toEqual(first.body);
    },
  );

  it('answers text/csv as of the moment too', async () => {
    const url = `/views/campaigns?model=linear&validAt=${VALID_AT}&minPosition=${position}`;
    const json = await api.request<CampaignList>(url, { token: TOKENS.analyst });
    const response = await fetch(`${api.baseUrl}${url}`, {
      headers: { Authorization: `Bearer ${TOKENS.analyst}`, Accept: 'text/csv' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(await response.text());
    expect(rows).toHaveLength(json.body.campaigns.length);
    for (const campaign of json.body.campaigns) {
      expect(rows).toContainEqual(expect.objectContaining(expectedCells(campaign)));
    }
    // The as-of list: CMP-C, launched on 01-10, has no row.
    expect(rows.map((row) => [row.campaignId, row.model])).toEqual([
      ['CMP-A', 'linear'],
      ['CMP-B', 'linear'],
    ]);
  });
});
