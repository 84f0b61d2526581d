import type { JsonObject, RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { campaignsProjection } from './campaigns-projection';
import { campaignCollections } from './testing/campaign-collections';
import { type CampaignChannelsCollections, queryCampaignChannels } from './query-campaign-channels';

/**
 * E-mail campaigns E1 (starts 2025-01-01, budget 100), E2 (02-01, 200), E3 (03-01, 300) and the
 * social S1 (01-15, 50). Touches, by business time (reached = distinct contacts touched):
 * - P: E1 on 01-05, S1 on 01-20, E3 on 03-05; becomes customer (first touch E1); wins 1000.
 * - Q: E2 on 02-03, E3 on 03-03 and again on 03-04; becomes customer (E2).
 * - R: registered naming E2 on 01-02 (a campaign contact, not a touch); E1 on 01-08; customer of
 *   E2, its first campaign contact.
 * - T: E3 on 03-02, then E1 backfilled to 01-10 (T moves to E1); stays a lead.
 * - a deal that names S1 is won for 500.
 */
function story(): RecordedEvent[] {
  const { event } = recordedEvents();
  const launch = (campaignId: string, channel: string, startsAt: string, budget: number) =>
    event({
      type: 'CampaignLaunched',
      at: startsAt,
      data: { campaignId, name: campaignId, channel, startsAt, budget, currency: 'EUR' },
    });
  const register = (contactId: string, at: string, campaignId?: string) =>
    event({
      type: 'ContactRegistered',
      at,
      data: {
        contactId,
        lifecycleStage: 'lead',
        leadStatus: 'new',
        ...(campaignId && { campaignId }),
      },
    });
  const touch = (contactId: string, campaignId: string, at: string) =>
    event({ type: 'CampaignTouchRecorded', at, data: { contactId, campaignId, kind: 'sent' } });
  const customer = (contactId: string) =>
    event({
      type: 'LifecycleStageChanged',
      at: '2025-04-01T00:00:00Z',
      data: { contactId, from: 'lead', to: 'customer' },
    });
  const deal = (type: string, dealId: string, data: JsonObject) =>
    event({ type, at: '2025-04-02T00:00:00Z', data: { dealId, ...data } });
  return [
    launch('E1', 'email', '2025-01-01T00:00:00Z', 100),
    launch('E2', 'email', '2025-02-01T00:00:00Z', 200),
    launch('E3', 'email', '2025-03-01T00:00:00Z', 300),
    launch('S1', 'social', '2025-01-15T00:00:00Z', 50),
    register('P', '2025-01-01T00:00:00Z'),
    register('Q', '2025-01-01T00:00:00Z'),
    register('R', '2025-01-02T00:00:00Z', 'E2'),
    register('T', '2025-01-01T00:00:00Z'),
    touch('P', 'E1', '2025-01-05T00:00:00Z'),
    touch('P', 'S1', '2025-01-20T00:00:00Z'),
    touch('P', 'E3', '2025-03-05T00:00:00Z'),
    touch('Q', 'E2', '2025-02-03T00:00:00Z'),
    touch('Q', 'E3', '2025-03-03T00:00:00Z'),
    touch('Q', 'E3', '2025-03-04T00:00:00Z'),
    touch('R', 'E1', '2025-01-08T00:00:00Z'),
    touch('T', 'E3', '2025-03-02T00:00:00Z'),
    touch('T', 'E1', '2025-01-10T00:00:00Z'),
    customer('P'),
    customer('Q'),
    customer('R'),
    deal('DealOpened', 'DP', { contactId: 'P', name: 'DP', amount: 900, currency: 'EUR' }),
    deal('DealWon', 'DP', { contactId: 'P', amount: 1000, currency: 'EUR', previousAmount: 900 }),
    deal('DealOpened', 'DS', { name: 'DS', amount: 500, currency: 'EUR', campaignId: 'S1' }),
    deal('DealWon', 'DS', { amount: 500, currency: 'EUR', previousAmount: 500 }),
  ];
}

describe('GET /views/campaigns?groupBy=channel', () => {
  let readStore: ReadStore;
  let collections: CampaignChannelsCollections;
  let position: string;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    const model = await projectEvents(readStore, campaignsProjection, story());
    collections = campaignCollections(model);
    position = model.position;
  });

  afterEach(() => readStore.close());

  it('sums the campaigns of each channel and counts each contact reached once', async () => {
    expect(await queryCampaignChannels(readStore, collections, {}, position)).toEqual({
      channels: [
        {
          channel: 'email',
          campaigns: 3,
          budget: 600,
          // P, Q, R and T, although E1, E2 and E3 reached 3 + 1 + 3.
          reached: 4,
          // P (E1), Q and R (E2); T is a lead.
          customers: 3,
          revenue: 1000, // P's deal, through P's first touch
          conversionRate: 3 / 4,
          roi: (1000 - 600) / 600,
        },
        {
          channel: 'social',
          campaigns: 1,
          budget: 50,
          reached: 1, // P, attributed to E1
          customers: 0,
          revenue: 500, // the deal that names S1
          conversionRate: 0,
          roi: 9,
        },
      ],
      position: '24',
    });
  });

  it('takes the campaigns that start in [from, to) and their distinct reach', async () => {
    const email = async (from?: string, to?: string) =>
      (await queryCampaignChannels(readStore, collections, { from, to }, position)).channels.find(
        ({ channel }) => channel === 'email',
      );

    // E2 and E3: Q, P, T.
    expect(await email('2025-02-01T00:00:00.000Z')).toEqual({
      channel: 'email',
      campaigns: 2,
      budget: 500,
      reached: 3,
      customers: 2, // Q and R, both E2's
      revenue: 0,
      conversionRate: 2 / 3,
      roi: -1,
    });
    // E1 and E2: P, R, T and Q.
    expect(await email(undefined, '2025-03-01T00:00:00.000Z')).toMatchObject({
      campaigns: 2,
      reached: 4,
    });
    // E3 alone: P, Q, T (Q twice).
    expect(await email('2025-03-01T00:00:00.000Z')).toMatchObject({ campaigns: 1, reached: 3 });
    expect(await email('2026-01-01T00:00:00.000Z')).toBeUndefined();
  });
});
