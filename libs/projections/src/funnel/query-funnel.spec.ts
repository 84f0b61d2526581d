import type { RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { FUNNEL_CONTACTS, lifecycleFunnelProjection } from './funnel-projection';
import { type FunnelFilters, queryLifecycleFunnel } from './query-funnel';

/**
 * The story every test reads (business times in January 2025 unless said):
 * - A: registered 01-01 as subscriber (campaign C1, owner O1, source web); lead 01-02 (1 day in
 *   subscriber = 86400 s); customer 01-04 (2 days in lead = 172800 s).
 * - B: registered 01-02 as lead (owner O2, source web), a touch of C1 backfilled to 2024-12-31
 *   (earlier than registration: B's first touch is C1); owner O1 from 01-06; MQL 01-05 (3 days in
 *   lead = 259200 s).
 * - C: registered 01-03 as other; touched by C2 01-03 12:00 (first touch C2).
 * - D: registered 01-10 as lead, source ads, merged into B 01-11: out of every cohort.
 * - E: registered 2025-02-01T00:00Z exactly, as lead: outside a window ending then.
 * - Events the funnel ignores: a deal, a purchase.
 */
function story(): RecordedEvent[] {
  const { event } = recordedEvents();
  const registered = (contactId: string, at: string, extra: Record<string, string>) =>
    event({ type: 'ContactRegistered', at, data: { contactId, leadStatus: 'new', ...extra } });
  const stage = (contactId: string, from: string, to: string, at: string) =>
    event({ type: 'LifecycleStageChanged', at, data: { contactId, from, to } });
  const merged = (contactId: string) => ({
    contactId,
    survivorContactId: 'B',
    duplicateContactId: 'D',
  });
  return [
    registered('A', '2025-01-01T00:00:00Z', {
      lifecycleStage: 'subscriber',
      campaignId: 'C1',
      ownerId: 'O1',
      source: 'web',
    }),
    registered('B', '2025-01-02T00:00:00Z', {
      lifecycleStage: 'lead',
      ownerId: 'O2',
      source: 'web',
    }),
    stage('A', 'subscriber', 'lead', '2025-01-02T00:00:00Z'),
    registered('C', '2025-01-03T00:00:00Z', { lifecycleStage: 'other' }),
    event({
      type: 'CampaignTouchRecorded',
      at: '2025-01-03T12:00:00Z',
      data: { contactId: 'C', campaignId: 'C2', kind: 'sent' },
    }),
    event({
      type: 'CampaignTouchRecorded',
      at: '2024-12-31T00:00:00Z',
      data: { contactId: 'B', campaignId: 'C1', kind: 'sent' },
    }),
    event({
      type: 'CampaignTouchRecorded',
      at: '2025-01-05T00:00:00Z',
      data: { contactId: 'A', campaignId: 'C2', kind: 'sent' },
    }),
    stage('A', 'lead', 'customer', '2025-01-04T00:00:00Z'),
    stage('B', 'lead', 'marketingqualifiedlead', '2025-01-05T00:00:00Z'),
    event({
      type: 'ContactOwnerAssigned',
      at: '2025-01-06T00:00:00Z',
      data: { contactId: 'B', ownerId: 'O1', previousOwnerId: 'O2' },
    }),
    registered('D', '2025-01-10T00:00:00Z', { lifecycleStage: 'lead', source: 'ads' }),
    event({ type: 'ContactsMerged', at: '2025-01-11T00:00:00Z', data: merged('D') }),
    event({ type: 'ContactsMerged', at: '2025-01-11T00:00:00Z', data: merged('B') }),
    registered('E', '2025-02-01T00:00:00Z', { lifecycleStage: 'lead' }),
    event({
      type: 'DealOpened',
      at: '2025-01-07T00:00:00Z',
      data: {
        dealId: 'D1',
        contactId: 'A',
        name: 'x',
        amount: 1,
        currency: 'EUR',
        stage: 'new',
        channel: 'online',
        ownerId: 'O1',
      },
    }),
    event({
      type: 'PurchaseRecorded',
      at: '2025-01-08T00:00:00Z',
      data: {
        orderId: 'P1',
        contactId: 'A',
        items: [],
        currency: 'EUR',
        channel: 'online',
        total: 0,
      },
    }),
  ];
}

describe('GET /views/lifecycle-funnel', () => {
  let readStore: ReadStore;
  let answer: (filters: FunnelFilters) => ReturnType<typeof queryLifecycleFunnel>;

  async function given(events: RecordedEvent[]): Promise<void> {
    const model = await projectEvents(readStore, lifecycleFunnelProjection, events);
    answer = (filters) =>
      queryLifecycleFunnel(readStore, model.collection(FUNNEL_CONTACTS), filters, model.position);
  }

  beforeEach(async () => {
    readStore = await openTestReadStore();
  });
  afterEach(async () => {
    await readStore.close();
  });

  it('counts current, reached, conversions and medians over a January cohort', async () => {
    await given(story());
    const view = await answer({ from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' });
    // Cohort A, B, C (D merged away, E registered at `to`, which is exclusive).
    expect(view.total).toBe(3);
    expect(view.other).toBe(1); // C
    // 16 events were applied; the position is the checkpoint, ignored events included.
    expect(view.position).toBe('16');
    expect(view.stages).toEqual([
      // reached: A (highest customer) and B (highest MQL) both passed subscriber, lead and MQL,
      // A alone SQL → customer (skipped stages count as passed); nobody evangelist.
      // Medians: subscriber [A 86400]; lead [A 172800, B 259200] → nearest rank ⌈0.5·2⌉ = 1st.
      {
        stage: 'subscriber',
        current: 0,
        reached: 2,
        conversionToNext: 1,
        medianSecondsInStage: 86400,
      },
      { stage: 'lead', current: 0, reached: 2, conversionToNext: 1, medianSecondsInStage: 172800 },
      // B is still an MQL: an ongoing stay has no median yet.
      {
        stage: 'marketingqualifiedlead',
        current: 1,
        reached: 2,
        conversionToNext: 0.5,
        medianSecondsInStage: null,
      },
      {
        stage: 'salesqualifiedlead',
        current: 0,
        reached: 1,
        conversionToNext: 1,
        medianSecondsInStage: null,
      },
      {
        stage: 'opportunity',
        current: 0,
        reached: 1,
        conversionToNext: 1,
        medianSecondsInStage: null,
      },
      {
        stage: 'customer',
        current: 1,
        reached: 1,
        conversionToNext: 0,
        medianSecondsInStage: null,
      },
      // reached 0 → conversionToNext null (and it is the last stage anyway).
      {
        stage: 'evangelist',
        current: 0,
        reached: 0,
        conversionToNext: null,
        medianSecondsInStage: null,
      },
    ]);
  });

  it('takes `from` inclusive and everyone without bounds', async () => {
    await given(story());
    // B registered exactly at `from`, C after it; A the day before.
    expect(
      (await answer({ from: '2025-01-02T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' })).total,
    ).toBe(2);
    // A, B, C, E (D is merged away).
    expect((await answer({})).total).toBe(4);
  });

  it('filters on the current owner, the first-touch campaign and the source', async () => {
    await given(story());
    // B moved from O2 to O1, so O1 holds A and B.
    const owned = await answer({ ownerId: 'O1' });
    expect([owned.total, owned.other, owned.stages[0]?.reached]).toEqual([2, 0, 2]);
    // B's backfilled C1 touch predates its registration; A's later C2 touch does not move A.
    expect((await answer({ campaignId: 'C1' })).total).toBe(2);
    const second = await answer({ campaignId: 'C2' });
    expect([second.total, second.other]).toEqual([1, 1]); // C
    expect((await answer({ source: 'web' })).total).toBe(2);
    expect((await answer({ source: 'web', ownerId: 'O2' })).total).toBe(0);
  });

  it('answers an empty cohort with zeros and null ratios', async () => {
    await given(story());
    // D was the only `ads` contact and it was merged away.
    const view = await answer({ source: 'ads' });
    expect(view).toMatchObject({ total: 0, other: 0, position: '16' });
    for (const stage of view.stages) {
      expect(stage).toMatchObject({
        current: 0,
        reached: 0,
        conversionToNext: null,
        medianSecondsInStage: null,
      });
    }
  });

  it('adds up every stay in a stage, after a move back down the ladder', async () => {
    const { event } = recordedEvents();
    await given([
      event({
        type: 'ContactRegistered',
        at: '2025-01-01T00:00:00Z',
        data: { contactId: 'F', lifecycleStage: 'lead', leadStatus: 'new' },
      }),
      event({
        type: 'LifecycleStageChanged',
        at: '2025-01-01T01:00:00Z',
        data: { contactId: 'F', from: 'lead', to: 'opportunity' },
      }),
      event({
        type: 'LifecycleStageChanged',
        at: '2025-01-01T03:00:00Z',
        data: { contactId: 'F', from: 'opportunity', to: 'lead', backward: true },
      }),
      event({
        type: 'LifecycleStageChanged',
        at: '2025-01-01T03:30:00Z',
        data: { contactId: 'F', from: 'lead', to: 'other' },
      }),
    ]);
    const view = await answer({});
    // Lead: 1 h + 30 min = 5400 s; opportunity: 2 h = 7200 s; now in other, highest opportunity.
    expect(view.stages[1]).toMatchObject({
      stage: 'lead',
      current: 0,
      reached: 1,
      medianSecondsInStage: 5400,
    });
    expect(view.stages[4]).toMatchObject({
      stage: 'opportunity',
      reached: 1,
      medianSecondsInStage: 7200,
    });
    expect(view.stages[0]).toMatchObject({
      stage: 'subscriber',
      reached: 1,
      medianSecondsInStage: null,
    });
    expect(view.other).toBe(1);
  });
});
