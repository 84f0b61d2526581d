import type { RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { FUNNEL_CONTACTS, lifecycleFunnelProjection } from './funnel-projection';
import { type FunnelFilters, type LifecycleFunnelView, queryLifecycleFunnel } from './query-funnel';
import { queryLifecycleFunnelAsOf } from './query-funnel-as-of';

/**
 * The story, in the order it was recorded (business times in January 2025 unless said):
 *  1. A registered 01-01 as lead (owner O1, source web, no campaign).
 *  2. B registered 01-02 as subscriber (source ads).
 *  3. A → MQL 01-03.
 *  4. B touched by C2 01-02 12:00.
 *  5. B → lead 01-04.
 *  6. A's owner O2 from 01-05.
 *  7–8. B merged into A 01-06 (the fact on both streams).
 *  9. Backfill: A touched by C1 on 2024-12-30, before its registration: A's first touch is C1.
 * 10. Backfill: A → SQL 01-02, between its registration and its MQL move (a move back down).
 * 11. C registered 01-10 as lead.
 * In business order A is: lead 01-01, SQL 01-02, MQL 01-03 (highest SQL); stays lead 86400 s
 * (01-01 → 01-02) and SQL 86400 s (01-02 → 01-03). B: subscriber 01-02, lead 01-04 (subscriber
 * stay 172800 s), first touch C2.
 */
function story(): RecordedEvent[] {
  const { event } = recordedEvents();
  const stage = (contactId: string, to: string, at: string) =>
    event({ type: 'LifecycleStageChanged', at, data: { contactId, to } });
  const touch = (contactId: string, campaignId: string, at: string) =>
    event({ type: 'CampaignTouchRecorded', at, data: { contactId, campaignId, kind: 'sent' } });
  const merge = { survivorContactId: 'A', duplicateContactId: 'B' };
  return [
    event({
      type: 'ContactRegistered',
      at: '2025-01-01T00:00:00Z',
      data: { contactId: 'A', lifecycleStage: 'lead', ownerId: 'O1', source: 'web' },
    }),
    event({
      type: 'ContactRegistered',
      at: '2025-01-02T00:00:00Z',
      data: { contactId: 'B', lifecycleStage: 'subscriber', source: 'ads' },
    }),
    stage('A', 'marketingqualifiedlead', '2025-01-03T00:00:00Z'),
    touch('B', 'C2', '2025-01-02T12:00:00Z'),
    stage('B', 'lead', '2025-01-04T00:00:00Z'),
    event({
      type: 'ContactOwnerAssigned',
      at: '2025-01-05T00:00:00Z',
      data: { contactId: 'A', ownerId: 'O2' },
    }),
    event({
      type: 'ContactsMerged',
      at: '2025-01-06T00:00:00Z',
      data: { contactId: 'B', ...merge },
    }),
    event({
      type: 'ContactsMerged',
      at: '2025-01-06T00:00:00Z',
      data: { contactId: 'A', ...merge },
    }),
    touch('A', 'C1', '2024-12-30T00:00:00Z'),
    stage('A', 'salesqualifiedlead', '2025-01-02T00:00:00Z'),
    event({
      type: 'ContactRegistered',
      at: '2025-01-10T00:00:00Z',
      data: { contactId: 'C', lifecycleStage: 'lead' },
    }),
  ];
}

/** current, reached and median per ladder stage, subscriber … evangelist. */
function figures(view: LifecycleFunnelView) {
  return {
    total: view.total,
    current: view.stages.map((stage) => stage.current),
    reached: view.stages.map((stage) => stage.reached),
    medians: view.stages.map((stage) => stage.medianSecondsInStage),
  };
}

describe('GET /views/lifecycle-funnel?validAt', () => {
  let readStore: ReadStore;
  let asOf: (validAt: string, filters?: FunnelFilters) => Promise<LifecycleFunnelView>;
  let live: (filters?: FunnelFilters) => Promise<LifecycleFunnelView>;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    const model = await projectEvents(readStore, lifecycleFunnelProjection, story());
    const contacts = model.collection(FUNNEL_CONTACTS);
    asOf = (validAt, filters = {}) =>
      queryLifecycleFunnelAsOf(readStore, contacts, filters, validAt, model.position);
    live = (filters = {}) => queryLifecycleFunnel(readStore, contacts, filters, model.position);
  });
  afterEach(async () => {
    await readStore.close();
  });

  it('counts nobody before the first registration, though a backfilled touch predates it', async () => {
    expect((await asOf('2024-12-31T00:00:00.000Z')).total).toBe(0);
  });

  it('answers at the exact moment of a backfilled stage change and a registration', async () => {
    const view = await asOf('2025-01-02T00:00:00.000Z');
    // A entered SQL (backfill) and B registered exactly then; both count (occurredAt ≤ validAt).
    // A: current SQL, reached subscriber…SQL, lead stay 86400 s. B: current subscriber.
    expect(figures(view)).toEqual({
      total: 2,
      current: [1, 0, 0, 1, 0, 0, 0],
      reached: [2, 1, 1, 1, 0, 0, 0],
      medians: [null, 86400, null, null, null, null, null],
    });
    // conversionToNext: lead/subscriber 1/2; SQL → opportunity 0/1.
    expect(view.stages.map((stage) => stage.conversionToNext)).toEqual([
      0.5,
      1,
      1,
      0,
      null,
      null,
      null,
    ]);
    // A's first touch is the backfilled C1; B's C2 touch comes at 12:00, after this moment.
    expect((await asOf('2025-01-02T00:00:00.000Z', { campaignId: 'C1' })).total).toBe(1);
    expect((await asOf('2025-01-02T00:00:00.000Z', { campaignId: 'C2' })).total).toBe(0);
  });

  it('judges owner, first touch and finished stays at the moment asked', async () => {
    const moment = '2025-01-05T00:00:00.000Z';
    // A: MQL since 01-03, highest SQL; stays lead 86400, SQL 86400; owner O2 from exactly now.
    // B: lead since 01-04, subscriber stay 172800; first touch C2; not merged until 01-06.
    expect(figures(await asOf(moment))).toEqual({
      total: 2,
      current: [0, 1, 1, 0, 0, 0, 0],
      reached: [2, 2, 1, 1, 0, 0, 0],
      medians: [172800, 86400, null, 86400, null, null, null],
    });
    expect((await asOf(moment, { ownerId: 'O2' })).total).toBe(1);
    expect((await asOf(moment, { ownerId: 'O1' })).total).toBe(0);
    expect((await asOf('2025-01-04T23:59:59.999Z', { ownerId: 'O1' })).total).toBe(1);
    expect((await asOf(moment, { campaignId: 'C2', source: 'ads' })).total).toBe(1);
    // The window still selects by registration: only B registered in [01-02, 01-03).
    const window = { from: '2025-01-02T00:00:00.000Z', to: '2025-01-03T00:00:00.000Z' };
    expect(figures(await asOf(moment, window)).current).toEqual([0, 1, 0, 0, 0, 0, 0]);
  });

  it('leaves a contact out from its merge on, and agrees with the live view after everything', async () => {
    // B merged away 01-06; C not registered before 01-10: A alone.
    expect((await asOf('2025-01-06T00:00:00.000Z')).total).toBe(1);
    expect((await asOf('2025-01-09T00:00:00.000Z')).total).toBe(1);
    // A and C. The live view folds in business order too: A is an MQL, not the SQL recorded last.
    // C registered as a lead, so it passed subscriber (skipped stages count as passed).
    const latest = await asOf('2025-02-01T00:00:00.000Z');
    expect(figures(latest)).toEqual({
      total: 2,
      current: [0, 1, 1, 0, 0, 0, 0],
      reached: [2, 2, 1, 1, 0, 0, 0],
      medians: [null, 86400, null, 86400, null, null, null],
    });
    expect(latest).toEqual(await live());
  });

  it('keeps an owner and a merge dated before the registration, but no stage change', async () => {
    const { event } = recordedEvents();
    const model = await projectEvents(readStore, lifecycleFunnelProjection, [
      event({
        type: 'ContactRegistered',
        at: '2025-03-10T00:00:00Z',
        data: { contactId: 'P', lifecycleStage: 'lead' },
      }),
      event({
        type: 'ContactRegistered',
        at: '2025-03-10T00:00:00Z',
        data: { contactId: 'Q', lifecycleStage: 'lead' },
      }),
      // Backfills dated before the registrations: P's owner, P's move to customer, Q's merge.
      event({
        type: 'ContactOwnerAssigned',
        at: '2025-03-08T00:00:00Z',
        data: { contactId: 'P', ownerId: 'U-9' },
      }),
      event({
        type: 'LifecycleStageChanged',
        at: '2025-03-09T00:00:00Z',
        data: { contactId: 'P', to: 'customer' },
      }),
      event({
        type: 'ContactsMerged',
        at: '2025-03-09T00:00:00Z',
        data: { contactId: 'Q', survivorContactId: 'P', duplicateContactId: 'Q' },
      }),
    ]);
    const contacts = model.collection(FUNNEL_CONTACTS);
    // The story's contacts, projected before, registered in January.
    const march = { from: '2025-03-01T00:00:00.000Z' };
    const asked = (filters: FunnelFilters) =>
      queryLifecycleFunnelAsOf(
        readStore,
        contacts,
        { ...march, ...filters },
        '2025-03-10T00:00:00.000Z',
        '5',
      );
    // P alone (Q was merged away), owned by U-9, a lead as registered: a stage dated before the
    // contact existed is no stay, and the registration's stage is the later fact.
    expect(figures(await asked({}))).toEqual({
      total: 1,
      current: [0, 1, 0, 0, 0, 0, 0],
      reached: [1, 1, 0, 0, 0, 0, 0],
      medians: [null, null, null, null, null, null, null],
    });
    expect((await asked({ ownerId: 'U-9' })).total).toBe(1);
    expect(await asked({})).toEqual(await queryLifecycleFunnel(readStore, contacts, march, '5'));
  });

  it('refuses, rather than guesses, on a generation built before the funnel kept histories', async () => {
    // What a version-2 generation holds while version 3 rebuilds: contacts and no histories.
    const contacts = 'lifecycle-funnel.g0.contacts';
    const contact = { _id: 'A', registeredAt: '2025-01-01T00:00:00.000Z', stage: 'lead' };
    await readStore.applyBatch({
      projection: 'lifecycle-funnel.g0.$checkpoint',
      writes: [{ kind: 'put', collection: contacts, document: contact }],
      expectedCheckpoint: undefined,
      checkpoint: '1',
    });
    await expect(
      queryLifecycleFunnelAsOf(readStore, contacts, {}, '2025-01-02T00:00:00.000Z', '1'),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    // An empty generation of either version answers an empty funnel.
    const empty = await queryLifecycleFunnelAsOf(
      readStore,
      'lifecycle-funnel.g9.contacts',
      {},
      '2025-01-02T00:00:00.000Z',
      '1',
    );
    expect(empty.total).toBe(0);
  });
});
