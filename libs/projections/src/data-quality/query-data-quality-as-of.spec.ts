import fc from 'fast-check';
import type { RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { eventsKnownAt } from '../shared/testing/business-time-oracle';
import { openTestReadStore } from '../shared/testing/test-read-store';
import {
  type DataQualityReadModel,
  type DataQualityView,
  queryDataQuality,
} from './query-data-quality';
import type { QualityContact } from './quality-contact';
import { queryDataQualityAsOf } from './query-data-quality-as-of';
import { projectQuality } from './testing/quality-events';
import { at, nineContacts } from './testing/nine-contacts';
import { historyOf, quarterDay, step } from './testing/quality-steps';

/** A moment to ask about: an event's own business time (give or take 1 ms) or any quarter day. */
function momentsAmong(events: readonly RecordedEvent[]): fc.Arbitrary<string> {
  const anEventTime = fc
    .record({ index: fc.nat(Math.max(0, events.length - 1)), delta: fc.constantFrom(-1, 0, 0, 1) })
    .map(({ index, delta }) => {
      const at = events[index]?.metadata.occurredAt;
      return new Date(
        Date.parse(typeof at === 'string' ? at : quarterDay(0)) + delta,
      ).toISOString();
    });
  return fc.oneof(anEventTime, fc.integer({ min: -2, max: 44 }).map(quarterDay));
}

function withoutPosition(view: DataQualityView): Omit<DataQualityView, 'position'> {
  const { position: _position, ...figures } = view;
  return figures;
}

describe('GET /views/data-quality?validAt', () => {
  let readStore: ReadStore;
  let oracleStore: ReadStore;

  beforeEach(async () => {
    [readStore, oracleStore] = await Promise.all([openTestReadStore(), openTestReadStore()]);
  });

  afterEach(() => Promise.all([readStore.close(), oracleStore.close()]));

  it('equals a fresh projection fed only the events that had happened by validAt', async () => {
    const scenario = fc.array(step, { minLength: 1, maxLength: 40 }).chain((steps) =>
      fc.record({
        steps: fc.constant(steps),
        batchSize: fc.integer({ min: 1, max: 30 }),
        asked: fc.array(fc.record({ staleDays: fc.integer({ min: 1, max: 6 }), seed: fc.nat() }), {
          minLength: 1,
          maxLength: 4,
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(scenario, fc.context(), async ({ steps, batchSize, asked }, context) => {
        await readStore.dropByPrefix('data-quality.');
        const history = await historyOf(steps);
        let model = await projectQuality(readStore, history.cipher, []);
        // Recorded in batches, as the runtime applies them; many events are backfills.
        for (let start = 0; start < history.events.length; start += batchSize) {
          const batch = history.events.slice(start, start + batchSize);
          model = await projectQuality(readStore, history.cipher, batch);
        }
        for (const { staleDays, seed } of asked) {
          const [validAt] = fc.sample(momentsAmong(history.events), { seed, numRuns: 1 });
          await oracleStore.dropByPrefix('data-quality.');
          const known = eventsKnownAt(history.events, validAt!);
          const oracle = await projectQuality(oracleStore, history.cipher, known);
          context.log(`validAt ${validAt}, staleDays ${staleDays}`);
          const expected = await queryDataQuality(oracle, staleDays, validAt!);
          const answered = await queryDataQualityAsOf(model, staleDays, validAt!);
          expect(withoutPosition(answered)).toEqual(withoutPosition(expected));
          expect(answered.position).toBe(model.position);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('GET /views/data-quality?validAt, worked by hand', () => {
  let readStore: ReadStore;
  let model: DataQualityReadModel;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    const history = await nineContacts();
    // Imported last: B's phone, given on 01-20.
    await history.event('ContactDetailsUpdated', at('01-20'), { contactId: 'B', phone: '+1556' });
    model = await projectQuality(readStore, history.cipher, history.events);
  });

  afterEach(() => readStore.close());

  it('counts only what had happened by validAt, and judges staleness then', async () => {
    expect(await queryDataQualityAsOf(model, 30, at('02-15', '12:00:00'))).toEqual({
      contacts: 8, // A–I but H, merged into I on 01-10; E is erased only on 03-01
      missing: {
        name: 1, // C
        email: 2, // C's is blank, D's was cleared on 02-01
        phone: 3, // D, F, G: B's phone of 01-20 counts although recorded last
        owner: 1, // B; D got one on 02-02, I on 01-09
      },
      // E–A, F–D and G–A: no merge of either pair yet; A, D, E, F and G are all live.
      duplicatesSuspected: { open: 3, contacts: 5 },
      // Cut-off 01-16 noon: only B (its phone, 01-20) and D (02-02) were touched since.
      stale: 6,
      erased: 0,
      merged: 1, // H
      position: model.position,
    });
  });

  it('takes the events of exactly validAt, and not a phone given later', async () => {
    // H and I were registered at 01-08 midnight, the moment asked about.
    expect(await queryDataQualityAsOf(model, 1, at('01-08'))).toEqual({
      contacts: 9,
      missing: { name: 1, email: 1, phone: 5, owner: 3 }, // phone B D F G H; owner B D I
      duplicatesSuspected: { open: 3, contacts: 5 },
      // Cut-off 01-07 midnight: A (01-01) to F (01-06); G's suspicion of 01-07 is not before it.
      stale: 6,
      erased: 0,
      merged: 0,
      position: model.position,
    });
    // The day before B's phone: B, D, F and G miss one (H is merged away by then).
    expect((await queryDataQualityAsOf(model, 365, at('01-19'))).missing.phone).toBe(4);
  });

  it('knows no contact before the first registration', async () => {
    expect(await queryDataQualityAsOf(model, 365, at('01-01'))).toMatchObject({ contacts: 1 });
    expect(await queryDataQualityAsOf(model, 365, '2024-12-31T23:59:59.999Z')).toMatchObject({
      contacts: 0,
      missing: { name: 0, email: 0, phone: 0, owner: 0 },
      stale: 0,
    });
  });
  it('refuses to answer from contacts written before facts were kept (an older version serving)', async () => {
    const [stored] = await readStore.find(model.contacts, { _id: 'A' });
    const { facts: _facts, ...withoutFacts } = stored as QualityContact;
    await readStore.applyBatch({
      projection: 'data-quality.test-edit',
      writes: [{ kind: 'put', collection: model.contacts, document: withoutFacts }],
      expectedCheckpoint: undefined,
      checkpoint: '1',
    });
    await expect(queryDataQualityAsOf(model, 365, at('02-15'))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });
});
