import fc from 'fast-check';
import type { RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { LIFECYCLE_LADDER } from '../shared/ladder';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { windowAndFilters } from '../shared/testing/query-arbitraries';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { FUNNEL_CONTACTS, FUNNEL_DAYS, lifecycleFunnelProjection } from './funnel-projection';
import {
  type FunnelFilters,
  queryLifecycleFunnel,
  queryLifecycleFunnelByContacts,
} from './query-funnel';

const HOUR_MS = 3_600_000;
const START_MS = Date.parse('2025-03-01T00:00:00Z');
const STAGES = [...LIFECYCLE_LADDER, 'other'];

/** One step of a random history over contacts c0…c5, at hours after START. */
type Step =
  | {
      kind: 'register';
      contact: number;
      hour: number;
      stage: string;
      owner: number;
      source: number;
    }
  | { kind: 'stage'; contact: number; hour: number; stage: string }
  | { kind: 'owner'; contact: number; hour: number; owner: number }
  | { kind: 'touch'; contact: number; hour: number; campaign: number }
  | { kind: 'merge'; contact: number; hour: number; into: number };

const contact = fc.integer({ min: 0, max: 5 });
const hour = fc.integer({ min: 0, max: 24 * 5 });
const registration = (index: number): fc.Arbitrary<Step> =>
  fc.record({
    kind: fc.constant('register' as const),
    contact: fc.constant(index),
    hour,
    stage: fc.constantFrom(...STAGES),
    owner: fc.integer({ min: 0, max: 2 }),
    source: fc.integer({ min: 0, max: 1 }),
  });
const change: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('stage' as const),
    contact,
    hour,
    stage: fc.constantFrom(...STAGES),
  }),
  fc.record({
    kind: fc.constant('stage' as const),
    contact,
    hour,
    stage: fc.constantFrom(...STAGES),
  }),
  fc.record({
    kind: fc.constant('owner' as const),
    contact,
    hour,
    owner: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    kind: fc.constant('touch' as const),
    contact,
    hour,
    campaign: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({ kind: fc.constant('merge' as const), contact, hour, into: contact }),
);
/** Every contact registers (in a random order, at random times), then changes come. */
const history: fc.Arbitrary<Step[]> = fc
  .tuple(
    fc.tuple(...[0, 1, 2, 3, 4, 5].map(registration)),
    fc.array(change, { minLength: 5, maxLength: 40 }),
  )
  .chain(([registrations, changes]) =>
    fc.shuffledSubarray([...registrations, ...changes], {
      minLength: registrations.length + changes.length,
    }),
  );

function toEvents(steps: readonly Step[]): RecordedEvent[] {
  const { event } = recordedEvents();
  const at = (h: number) => new Date(START_MS + h * HOUR_MS).toISOString();
  return steps.map((s) => {
    const contactId = `c${s.contact}`;
    switch (s.kind) {
      case 'register':
        return event({
          type: 'ContactRegistered',
          at: at(s.hour),
          data: {
            contactId,
            lifecycleStage: s.stage,
            ownerId: `o${s.owner}`,
            source: `s${s.source}`,
          },
        });
      case 'stage':
        return event({
          type: 'LifecycleStageChanged',
          at: at(s.hour),
          data: { contactId, to: s.stage },
        });
      case 'owner':
        return event({
          type: 'ContactOwnerAssigned',
          at: at(s.hour),
          data: { contactId, ownerId: `o${s.owner}` },
        });
      case 'touch':
        return event({
          type: 'CampaignTouchRecorded',
          at: at(s.hour),
          data: { contactId, campaignId: `k${s.campaign}`, kind: 'sent' },
        });
      case 'merge':
        return event({
          type: 'ContactsMerged',
          at: at(s.hour),
          data: { contactId, survivorContactId: `c${s.into}`, duplicateContactId: contactId },
        });
    }
  });
}

const bound = fc.option(
  fc.integer({ min: -24, max: 24 * 6 }).map((h) => new Date(START_MS + h * HOUR_MS).toISOString()),
  {
    nil: undefined,
  },
);
const filter = fc.oneof(
  fc.record({ campaignId: fc.constantFrom('k0', 'k1') }),
  fc.record({ ownerId: fc.constantFrom('o0', 'o1') }),
  fc.record({ source: fc.constantFrom('s0', 's1') }),
);
const filters: fc.Arbitrary<FunnelFilters> = windowAndFilters(bound, filter, {
  orderedWindow: false,
});

describe('the funnel day summaries', () => {
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = await openTestReadStore();
  });

  afterEach(async () => {
    await readStore.close();
  });

  it('answer every window and filter exactly as the contacts themselves, across batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        history,
        fc.integer({ min: 1, max: 40 }),
        fc.array(filters, { minLength: 1, maxLength: 6 }),
        async (steps, batchSize, askedFilters) => {
          await readStore.dropByPrefix('lifecycle-funnel.');
          const events = toEvents(steps);
          let model = await projectEvents(readStore, lifecycleFunnelProjection, []);
          for (let start = 0; start < events.length; start += batchSize) {
            const batch = events.slice(start, start + batchSize);
            model = await projectEvents(readStore, lifecycleFunnelProjection, batch);
          }
          const contacts = model.collection(FUNNEL_CONTACTS);
          for (const asked of askedFilters) {
            const window =
              asked.from && asked.to && asked.from > asked.to
                ? { ...asked, to: asked.from }
                : asked;
            expect(await queryLifecycleFunnel(readStore, contacts, window, '1')).toEqual(
              await queryLifecycleFunnelByContacts(readStore, contacts, window, '1'),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads a generation filled before the summaries existed from its contacts', async () => {
    const { event } = recordedEvents();
    const registered = (contactId: string, at: string) =>
      event({ type: 'ContactRegistered', at, data: { contactId, lifecycleStage: 'lead' } });
    const model = await projectEvents(readStore, lifecycleFunnelProjection, [
      registered('early', '2025-03-01T08:00:00.000Z'),
      registered('late', '2025-03-02T08:00:00.000Z'),
    ]);
    // What a version-1 generation holds: the contacts and no day summaries.
    await readStore.dropByPrefix(model.collection(FUNNEL_DAYS));
    const contacts = model.collection(FUNNEL_CONTACTS);
    const view = await queryLifecycleFunnel(
      readStore,
      contacts,
      { from: '2025-03-01T00:00:00.000Z' },
      '2',
    );
    expect(view.total).toBe(2);
  });
});
