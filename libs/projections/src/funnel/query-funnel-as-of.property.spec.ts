import fc from 'fast-check';
import type { RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { occurredAtOf } from '../shared/event-fields';
import { eventsKnownAt } from '../shared/testing/business-time-oracle';
import { projectEvents, type ProjectedReadModel } from '../shared/testing/project-events';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { FUNNEL_CONTACTS, lifecycleFunnelProjection } from './funnel-projection';
import { type FunnelFilters, queryLifecycleFunnel } from './query-funnel';
import { queryLifecycleFunnelAsOf } from './query-funnel-as-of';
import { filters, history, HOUR_MS, START_MS, toEvents } from './testing/funnel-histories';

const MINUTE_MS = 60_000;

/** A history, and business moments to ask about: often exactly an event's time, else any minute. */
const scenario = history.chain((steps) => {
  const events = toEvents(steps);
  const eventTimes = events.map((event) => occurredAtOf(event));
  const anyMinute = fc
    .integer({ min: -24 * 60, max: 6 * 24 * 60 })
    .map((minutes) => new Date(START_MS + minutes * MINUTE_MS).toISOString());
  return fc.record({
    events: fc.constant(events),
    batchSize: fc.integer({ min: 1, max: 40 }),
    replayed: fc.tuple(fc.nat(events.length), fc.nat(events.length)),
    moments: fc.array(fc.oneof(fc.constantFrom(...eventTimes), anyMinute), {
      minLength: 1,
      maxLength: 4,
    }),
    asked: fc.array(filters.map(ordered), { minLength: 1, maxLength: 4 }),
  });
});

// The API refuses a `to` before `from`; the arbitrary may draw one.
function ordered(window: FunnelFilters): FunnelFilters {
  return window.from && window.to && window.from > window.to
    ? { ...window, to: window.from }
    : window;
}

describe('the lifecycle funnel as of a business moment', () => {
  let recorded: ReadStore;
  let oracle: ReadStore;

  beforeEach(async () => {
    recorded = await openTestReadStore();
    oracle = await openTestReadStore();
  });

  afterEach(async () => {
    await recorded.close();
    await oracle.close();
  });

  /** Projects `events` in batches of `batchSize`, as the runtime would commit them. */
  async function projectInBatches(
    store: ReadStore,
    events: readonly RecordedEvent[],
    batchSize: number,
  ): Promise<ProjectedReadModel> {
    await store.dropByPrefix(`${lifecycleFunnelProjection.name}.`);
    let model = await projectEvents(store, lifecycleFunnelProjection, []);
    for (let start = 0; start < events.length; start += batchSize) {
      model = await projectEvents(
        store,
        lifecycleFunnelProjection,
        events.slice(start, start + batchSize),
      );
    }
    return model;
  }

  it('equals a fresh funnel fed only the events that had happened by then, in business order, whatever was replayed', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ events, batchSize, replayed, moments, asked }) => {
        const model = await projectInBatches(recorded, events, batchSize);
        // Events applied a second time (a batch replayed) are facts the histories already hold.
        await projectEvents(recorded, lifecycleFunnelProjection, events.slice(...replayed));
        const contacts = model.collection(FUNNEL_CONTACTS);
        for (const validAt of moments) {
          const reference = await projectInBatches(oracle, eventsKnownAt(events, validAt), 1000);
          const referenceContacts = reference.collection(FUNNEL_CONTACTS);
          for (const window of [{}, ...asked]) {
            expect(
              await queryLifecycleFunnelAsOf(recorded, contacts, window, validAt, '1'),
            ).toEqual(await queryLifecycleFunnel(oracle, referenceContacts, window, '1'));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('answers, as of a moment after every event, what the live funnel answers', async () => {
    const afterEverything = new Date(START_MS + 7 * 24 * HOUR_MS).toISOString();
    await fc.assert(
      fc.asyncProperty(scenario, async ({ events, batchSize, asked }) => {
        const model = await projectInBatches(recorded, events, batchSize);
        const contacts = model.collection(FUNNEL_CONTACTS);
        for (const window of [{}, ...asked]) {
          expect(
            await queryLifecycleFunnelAsOf(recorded, contacts, window, afterEverything, '1'),
          ).toEqual(await queryLifecycleFunnel(recorded, contacts, window, '1'));
        }
      }),
      { numRuns: 40 },
    );
  });
});
