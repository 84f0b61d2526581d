import type { JsonObject, RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { openTestReadStore } from '../shared/testing/test-read-store';
import type { AttributionModel } from './attribution-models';
import { campaignsProjection } from './campaigns-projection';
import { queryCampaignChannels } from './query-campaign-channels';
import { queryCampaign, queryCampaigns } from './query-campaigns';
import { campaignCollections } from './testing/campaign-collections';

/**
 * The worked example of docs/views-attribution.md. Campaigns C1 (email, budget 100) and C2
 * (social, budget 200) are launched on 01-01, C3 (email, budget 0) on 01-10.
 * - P registers on 01-01 naming C1 (a campaign contact, not a touch), is touched by C2 on 01-08
 *   and by C3 on 01-15, and becomes customer on 01-15. Its deal DP (no campaign) is won for 1000.
 * - Q registers without a campaign on 01-01, is touched by C2 on 01-01 and by C1 on 01-08; a lead.
 *   Its deal DC names C3 and is won for 500: C3's in full under every model.
 * P's touch points: C1, C2, C3; Q's: C2, C1. `reached` (touches only): C1 1 (Q), C2 2, C3 1 (P).
 */
function story(): RecordedEvent[] {
  const { event } = recordedEvents();
  const at = (day: string) => `2025-01-${day}T00:00:00.000Z`;
  const launch = (campaignId: string, channel: string, budget: number, day: string) =>
    event({
      type: 'CampaignLaunched',
      at: at(day),
      data: { campaignId, name: campaignId, channel, startsAt: at(day), budget, currency: 'EUR' },
    });
  const register = (contactId: string, campaignId?: string) =>
    event({
      type: 'ContactRegistered',
      at: at('01'),
      data: {
        contactId,
        lifecycleStage: 'lead',
        leadStatus: 'new',
        ...(campaignId && { campaignId }),
      },
    });
  const touch = (contactId: string, campaignId: string, day: string) =>
    event({
      type: 'CampaignTouchRecorded',
      at: at(day),
      data: { contactId, campaignId, kind: 'sent' },
    });
  const deal = (type: string, day: string, data: JsonObject) => event({ type, at: at(day), data });
  return [
    launch('C1', 'email', 100, '01'),
    launch('C2', 'social', 200, '01'),
    register('P', 'C1'),
    register('Q'),
    touch('Q', 'C2', '01'),
    touch('P', 'C2', '08'),
    touch('Q', 'C1', '08'),
    launch('C3', 'email', 0, '10'),
    touch('P', 'C3', '15'),
    event({
      type: 'LifecycleStageChanged',
      at: at('15'),
      data: { contactId: 'P', from: 'lead', to: 'customer' },
    }),
    deal('DealOpened', '16', { dealId: 'DP', contactId: 'P', amount: 1000, currency: 'EUR' }),
    deal('DealOpened', '16', { dealId: 'DC', contactId: 'Q', campaignId: 'C3', amount: 500 }),
    deal('DealWon', '20', { dealId: 'DP', contactId: 'P', amount: 1000 }),
    deal('DealWon', '20', { dealId: 'DC', contactId: 'Q', amount: 500 }),
  ];
}

type Figures = { leads: number; customers: number; dealsWon: number; revenue: number };
const figures = (leads: number, customers: number, dealsWon: number, revenue: number): Figures => ({
  leads,
  customers,
  dealsWon,
  revenue,
});

// Credits per contact (P: C1, C2, C3; Q: C2, C1), then per campaign: leads = P's + Q's credit,
// customers = P's, dealsWon = P's share of DP (+ DC for C3), revenue = 1000 × P's (+ 500 for C3).
const EXPECTED: Record<AttributionModel, Record<'C1' | 'C2' | 'C3', Figures>> = {
  // P → C1, Q → C2.
  first_touch: { C1: figures(1, 1, 1, 1000), C2: figures(1, 0, 0, 0), C3: figures(0, 0, 1, 500) },
  // P → C3, Q → C1.
  last_touch: { C1: figures(1, 0, 0, 0), C2: figures(0, 0, 0, 0), C3: figures(1, 1, 2, 1500) },
  // P 1/3 each; Q 1/2 each. C1: 1/3 + 1/2 = 5/6.
  linear: {
    C1: figures(0.833333333, 0.333333333, 0.333333333, 333.333333),
    C2: figures(0.833333333, 0.333333333, 0.333333333, 333.333333),
    C3: figures(0.333333333, 0.333333333, 1.333333333, 833.333333),
  },
  // P (n = 3) 0.4, 0.2, 0.4; Q (n = 2) 0.5, 0.5.
  u_shaped: {
    C1: figures(0.9, 0.4, 0.4, 400),
    C2: figures(0.7, 0.2, 0.2, 200),
    C3: figures(0.4, 0.4, 1.4, 900),
  },
  // Half-life 7 days. P measures to its customer entry (01-15): Δ 14, 7, 0 days → 1/4, 1/2, 1
  // → 1/7, 2/7, 4/7. Q is no customer, so to its last touch (01-08): Δ 7, 0 → C2 1/3, C1 2/3.
  // C1: 1/7 + 2/3 = 17/21; C2: 2/7 + 1/3 = 13/21; C3: 4/7; DP's 1000 × 1/7, 2/7, 4/7.
  time_decay: {
    C1: figures(0.80952381, 0.142857143, 0.142857143, 142.857143),
    C2: figures(0.619047619, 0.285714286, 0.285714286, 285.714286),
    C3: figures(0.571428571, 0.571428571, 1.571428571, 1071.428571),
  },
};

describe('GET /views/campaigns under each attribution model', () => {
  let readStore: ReadStore;
  let collections: ReturnType<typeof campaignCollections>;
  let position: string;

  beforeAll(async () => {
    readStore = await openTestReadStore();
    const model = await projectEvents(readStore, campaignsProjection, story());
    collections = campaignCollections(model);
    position = model.position;
  });
  afterAll(() => readStore.close());

  const ask = (model: AttributionModel, validAt?: string) => ({
    model,
    halfLifeDays: 7,
    ...(validAt && { validAt }),
  });

  it.each(Object.keys(EXPECTED) as AttributionModel[])(
    'credits as worked by hand: %s',
    async (model) => {
      const list = await queryCampaigns(readStore, collections, {}, position, ask(model));
      const answered = Object.fromEntries(
        list.campaigns.map((campaign) => [
          campaign.campaignId,
          figures(campaign.leads, campaign.customers, campaign.dealsWon, campaign.revenue),
        ]),
      );
      expect(answered).toEqual(EXPECTED[model]);
      expect(list.campaigns.map((campaign) => [campaign.model, campaign.reached])).toEqual([
        [model, 1],
        [model, 2],
        [model, 1],
      ]);
      const one = await queryCampaign(readStore, collections, 'C2', position, ask(model));
      expect(one).toMatchObject({
        ...EXPECTED[model].C2,
        model,
        reached: 2,
        budget: 200,
        position,
      });
    },
  );

  it('sums every model to the same totals: 2 leads, 1 customer, 2 deals, 1500', async () => {
    for (const model of Object.keys(EXPECTED) as AttributionModel[]) {
      const { campaigns } = await queryCampaigns(readStore, collections, {}, position, ask(model));
      const total = (pick: (figures: Figures) => number) =>
        campaigns.reduce((sum, campaign) => sum + pick(campaign), 0);
      expect(total((c) => c.leads)).toBeCloseTo(2, 8);
      expect(total((c) => c.customers)).toBeCloseTo(1, 8);
      expect(total((c) => c.dealsWon)).toBeCloseTo(2, 8);
      expect(total((c) => c.revenue)).toBeCloseTo(1500, 5);
    }
  });

  it('sums the models by channel; reach stays distinct contacts', async () => {
    const { channels } = await queryCampaignChannels(
      readStore,
      collections,
      {},
      position,
      ask('linear'),
    );
    // email = C1 + C3: customers 1/3 + 1/3, revenue 333.333333 + 833.333333, reached P and Q.
    expect(channels).toEqual([
      {
        channel: 'email',
        campaigns: 2,
        budget: 100,
        reached: 2,
        customers: 0.666666666,
        revenue: 1166.666666,
        conversionRate: 0.666666666 / 2,
        roi: (1166.666666 - 100) / 100,
      },
      {
        channel: 'social',
        campaigns: 1,
        budget: 200,
        reached: 2,
        customers: 0.333333333,
        revenue: 333.333333,
        conversionRate: 0.333333333 / 2,
        roi: (333.333333 - 200) / 200,
      },
    ]);
  });

  it('answers as of a business moment: the touches, stages, wins and launches known by then', async () => {
    // On 01-08: P has C1 and C2 (linear 1/2 each) and is a lead; Q has C2 and C1; nothing won;
    // C3 is launched on 01-10 and does not appear.
    const { campaigns } = await queryCampaigns(
      readStore,
      collections,
      {},
      position,
      ask('linear', '2025-01-08T00:00:00.000Z'),
    );
    expect(
      campaigns.map((c) => [c.campaignId, c.leads, c.customers, c.dealsWon, c.reached]),
    ).toEqual([
      ['C1', 1, 0, 0, 1],
      ['C2', 1, 0, 0, 2],
    ]);
    expect(
      await queryCampaign(
        readStore,
        collections,
        'C3',
        position,
        ask('linear', '2025-01-09T23:59:59.999Z'),
      ),
    ).toBeUndefined();
  });

  it('answers first touch as of now exactly as the live counters', async () => {
    const live = await queryCampaigns(readStore, collections, {}, position);
    const recounted = await queryCampaigns(
      readStore,
      collections,
      {},
      position,
      ask('first_touch', '9999-12-31T23:59:59.999Z'),
    );
    expect(recounted).toEqual(live);
  });
});
