import type { RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { campaignsProjection } from './campaigns-projection';
import { campaignCollections } from './testing/campaign-collections';
import { type CampaignsCollections, queryCampaign, queryCampaigns } from './query-campaigns';

/**
 * Campaigns C1 (email, budget 1000, starts 2025-01-01) and C2 (social, budget 0, starts
 * 2025-03-01, completed); C3 is named by a registration but never launched. In order:
 * - A registers with C1 as subscriber, C1 sends and opens on A; C2 sends to A later (A stays C1).
 * - B registers as lead without a campaign; C2 sends to B (B → C2); deal D3 of B without a
 *   campaign is won for 200 (→ C2 through B); B becomes SQL; a C1 send backfilled to 2024-12-31
 *   moves B, its SQL and its deal D3 to C1.
 * - D2 of B names C2 and is won for 300: it stays with C2 whatever B's attribution.
 * - X registers with C3. M registers with C1, C1 clicks for M, then M is merged into A.
 * - A becomes customer; D1 of A (no campaign) is won with amount 600; D4 of A is lost.
 */
function story(): RecordedEvent[] {
  const { event } = recordedEvents();
  const at = (day: string) => `2025-01-${day}T00:00:00Z`;
  const register = (contactId: string, day: string, stage: string, campaignId?: string) =>
    event({
      type: 'ContactRegistered',
      at: at(day),
      data: {
        contactId,
        lifecycleStage: stage,
        leadStatus: 'new',
        ...(campaignId && { campaignId }),
      },
    });
  const touch = (contactId: string, campaignId: string, kind: string, time: string) =>
    event({ type: 'CampaignTouchRecorded', at: time, data: { contactId, campaignId, kind } });
  const openDeal = (dealId: string, contactId: string, amount: number, campaignId?: string) =>
    event({
      type: 'DealOpened',
      at: at('06'),
      data: {
        dealId,
        contactId,
        name: dealId,
        amount,
        currency: 'EUR',
        stage: 'new',
        channel: 'online',
        ownerId: 'O1',
        ...(campaignId && { campaignId }),
      },
    });
  const win = (dealId: string, contactId: string, amount: number) =>
    event({
      type: 'DealWon',
      at: at('07'),
      data: { dealId, contactId, amount, currency: 'EUR', previousAmount: amount },
    });
  const launch = (campaignId: string, channel: string, budget: number, startsAt: string) =>
    event({
      type: 'CampaignLaunched',
      at: startsAt,
      data: {
        campaignId,
        name: `Campaign ${campaignId}`,
        channel,
        startsAt,
        budget,
        currency: 'EUR',
      },
    });
  return [
    launch('C1', 'email', 1000, '2025-01-01T00:00:00Z'),
    launch('C2', 'social', 0, '2025-03-01'),
    register('A', '01', 'subscriber', 'C1'),
    touch('A', 'C1', 'sent', at('01')),
    touch('A', 'C1', 'opened', at('02')),
    touch('A', 'C2', 'sent', at('05')),
    register('B', '02', 'lead'),
    touch('B', 'C2', 'sent', at('03')),
    openDeal('D3', 'B', 200),
    win('D3', 'B', 200),
    event({
      type: 'LifecycleStageChanged',
      at: at('04'),
      data: { contactId: 'B', from: 'lead', to: 'salesqualifiedlead' },
    }),
    touch('B', 'C1', 'sent', '2024-12-31T00:00:00Z'),
    openDeal('D2', 'B', 300, 'C2'),
    win('D2', 'B', 300),
    register('X', '01', 'lead', 'C3'),
    register('M', '04', 'lead', 'C1'),
    touch('M', 'C1', 'clicked', at('04')),
    event({
      type: 'ContactsMerged',
      at: at('05'),
      data: { contactId: 'M', survivorContactId: 'A', duplicateContactId: 'M' },
    }),
    event({
      type: 'ContactsMerged',
      at: at('05'),
      data: { contactId: 'A', survivorContactId: 'A', duplicateContactId: 'M' },
    }),
    event({
      type: 'LifecycleStageChanged',
      at: at('06'),
      data: { contactId: 'A', from: 'subscriber', to: 'customer' },
    }),
    openDeal('D1', 'A', 500),
    win('D1', 'A', 600),
    openDeal('D4', 'A', 50),
    event({ type: 'DealLost', at: at('08'), data: { dealId: 'D4', contactId: 'A' } }),
    event({ type: 'CampaignCompleted', at: at('09'), data: { campaignId: 'C2' } }),
    event({ type: 'TicketOpened', at: at('09'), data: { ticketId: 'T1', contactId: 'A' } }),
  ];
}

const noTouches = {
  sent: 0,
  delivered: 0,
  opened: 0,
  clicked: 0,
  registered: 0,
  contacted: 0,
  responded: 0,
  purchased: 0,
};

describe('GET /views/campaigns', () => {
  let readStore: ReadStore;
  let collections: CampaignsCollections;
  let position: string;

  async function given(events: RecordedEvent[]): Promise<void> {
    const model = await projectEvents(readStore, campaignsProjection, events);
    collections = campaignCollections(model);
    position = model.position;
  }

  beforeEach(async () => {
    readStore = await openTestReadStore();
  });
  afterEach(async () => {
    await readStore.close();
  });

  it('attributes contacts and won deals to the first touch and derives the ratios', async () => {
    await given(story());
    expect(await queryCampaign(readStore, collections, 'C1', position)).toEqual({
      campaignId: 'C1',
      name: 'Campaign C1',
      channel: 'email',
      status: 'active',
      budget: 1000,
      currency: 'EUR',
      startsAt: '2025-01-01T00:00:00.000Z',
      endsAt: null,
      model: 'first_touch',
      // A sent + opened, B sent (backfilled), M clicked.
      touches: { ...noTouches, sent: 2, opened: 1, clicked: 1 },
      reached: 3, // A, B, M: touches stay facts after M's merge
      // Attributed: A (customer) and B (SQL); M left when merged into A.
      leads: 2,
      mqls: 2,
      sqls: 2,
      opportunities: 1,
      customers: 1,
      // D1 (A, 600) and D3 (B, 200, followed B from C2 to C1).
      dealsWon: 2,
      revenue: 800,
      conversionRate: 1 / 3, // customers 1 / reached 3
      costPerAcquisition: 1000, // budget 1000 / customers 1
      roi: -0.2, // (800 − 1000) / 1000
      position: '26',
    });
  });

  it('keeps a deal that names its campaign and answers null where a divisor is 0', async () => {
    await given(story());
    expect(await queryCampaign(readStore, collections, 'C2', position)).toMatchObject({
      status: 'completed',
      startsAt: '2025-03-01T00:00:00.000Z',
      touches: { ...noTouches, sent: 2 }, // A and B
      reached: 2,
      // B moved to C1 with its SQL stage: nobody is attributed to C2 any more.
      leads: 0,
      customers: 0,
      dealsWon: 1,
      revenue: 300, // D2 names C2
      conversionRate: 0, // 0 customers / 2 reached
      costPerAcquisition: null, // budget 0 / 0 customers
      roi: null, // budget 0
    });
  });

  it('answers undefined for a campaign that was never launched or is unknown', async () => {
    await given(story());
    expect(await queryCampaign(readStore, collections, 'C3', position)).toBeUndefined();
    expect(await queryCampaign(readStore, collections, 'nope', position)).toBeUndefined();
  });

  it('lists launched campaigns by start, `from` inclusive and `to` exclusive', async () => {
    await given(story());
    const ids = async (window: { from?: string; to?: string }) =>
      (await queryCampaigns(readStore, collections, window, position)).campaigns.map(
        (c) => c.campaignId,
      );
    expect(await ids({})).toEqual(['C1', 'C2']);
    expect(await ids({ from: '2025-03-01T00:00:00.000Z' })).toEqual(['C2']);
    expect(await ids({ to: '2025-03-01T00:00:00.000Z' })).toEqual(['C1']);
  });

  it('answers an empty list before any campaign', async () => {
    await given([]);
    expect(await queryCampaigns(readStore, collections, {}, position)).toEqual({
      campaigns: [],
      position: '0',
    });
  });
});
