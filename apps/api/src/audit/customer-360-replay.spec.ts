import fc from 'fast-check';
import type { RecordedEvent } from '@chronicle/event-store';
import { replayCustomer360 } from '@chronicle/projections';
import { type AsOfState, replayAsOf } from './customer-360-replay';
import { type AsOfBound, Customer360Snapshots } from './customer-360-snapshots';

const CONTACT = 'C-1';
const START = Date.parse('2026-01-01T00:00:00.000Z');

/** One generated event before positions and store times are given. */
const anEvent = fc.oneof(
  fc.record({
    type: fc.constant('ContactRegistered'),
    data: fc.record({ firstName: fc.string() }),
  }),
  fc.record({
    type: fc.constant('LifecycleStageChanged'),
    data: fc.record({ to: fc.constantFrom('lead', 'customer', 'evangelist') }),
  }),
  fc.record({
    type: fc.constant('PurchaseRecorded'),
    data: fc.record({ total: fc.integer({ min: 1, max: 500 }) }),
  }),
  fc.record({
    type: fc.constantFrom('TicketOpened', 'TicketResolved'),
    data: fc.record({ ticketId: fc.constantFrom('T-1', 'T-2', 'T-3') }),
  }),
  fc.record({
    type: fc.constant('InteractionLogged'),
    data: fc.record({ kind: fc.constantFrom('call', 'email') }),
  }),
  fc.record({
    type: fc.constant('ContactsMerged'),
    data: fc.constant({ survivorContactId: 'C-1' }),
  }),
  fc.record({ type: fc.constant('DealOpened'), data: fc.constant({}) }),
);

/** A customer's history: events of the customer and of a merged duplicate, store times that may step back. */
const historyOf = (lengths: { minLength?: number; maxLength: number }) =>
  fc
    .array(
      fc.record({
        event: anEvent,
        contactId: fc.constantFrom(CONTACT, CONTACT, CONTACT, 'C-2'),
        // Mostly forward; now and then the clock steps back.
        storedStep: fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
          { weight: 1, arbitrary: fc.integer({ min: -30_000, max: 0 }) },
        ),
        occurredAt: fc.integer({ min: 0, max: 1_000_000_000 }),
      }),
      lengths,
    )
    .map((drafts) => {
      let storedAt = START;
      return drafts.map(({ event, contactId, storedStep, occurredAt }, index): RecordedEvent => {
        storedAt += storedStep;
        return {
          eventId: `e-${index}`,
          type: event.type,
          streamId: `stream-${index % 7}`,
          revision: 0,
          position: String((index + 1) * 3),
          data: { ...event.data, contactId },
          metadata: { occurredAt: new Date(START + occurredAt).toISOString() },
          storedAt: new Date(storedAt).toISOString(),
          hash: '',
        };
      });
    });

/** The answer without snapshots, as the audit computed it before they existed. */
async function fullReplay(events: readonly RecordedEvent[], bound: AsOfBound): Promise<AsOfState> {
  const { lastStoredAt, known } = recordedBy(events, bound);
  return { state: await replayCustomer360(CONTACT, known), lastStoredAt };
}

function recordedBy(events: readonly RecordedEvent[], bound: AsOfBound) {
  let lastStoredAt: string | undefined;
  const known: RecordedEvent[] = [];
  for (const event of events) {
    if (bound.atPosition !== undefined && Number(event.position) > Number(bound.atPosition)) break;
    if (bound.asOfMillis !== undefined && Date.parse(event.storedAt) > bound.asOfMillis) continue;
    lastStoredAt = event.storedAt;
    known.push(event);
  }
  return { lastStoredAt, known };
}

/**
 * A history recorded mostly in business-time order, now and then a backfill (an event that
 * happened well before the ones recorded ahead of it), so snapshots are sometimes in
 * business-time order and sometimes not.
 */
const historyWithBackfills = (lengths: { minLength?: number; maxLength: number }) =>
  fc
    .tuple(
      historyOf(lengths),
      fc.array(
        fc.oneof(
          { weight: 5, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
          { weight: 1, arbitrary: fc.integer({ min: -3_000_000, max: 0 }) },
        ),
        { minLength: lengths.maxLength, maxLength: lengths.maxLength },
      ),
    )
    .map(([events, steps]) => {
      let occurredAt = START + 10_000_000;
      return events.map((event, index) => {
        occurredAt += steps[index] ?? 0;
        return { ...event, metadata: { occurredAt: new Date(occurredAt).toISOString() } };
      });
    });

/**
 * The plain bitemporal answer: what had been recorded by the bound, then of that what had
 * happened by `validAt`, sorted by business time (ties by position) and folded from scratch.
 */
async function bitemporalReplay(
  events: readonly RecordedEvent[],
  bound: AsOfBound & { validAt: string },
): Promise<AsOfState> {
  const { lastStoredAt, known } = recordedBy(events, bound);
  const moment = Date.parse(bound.validAt);
  const businessTime = (event: RecordedEvent) => Date.parse(event.metadata.occurredAt as string);
  const happened = known
    .filter((event) => businessTime(event) <= moment)
    .sort(
      (a, b) =>
        businessTime(a) - businessTime(b) || (BigInt(a.position) < BigInt(b.position) ? -1 : 1),
    );
  return { state: await replayCustomer360(CONTACT, happened), lastStoredAt };
}

function pagesOf(events: readonly RecordedEvent[], pageSize: number) {
  return async function* (after: string | undefined): AsyncIterable<RecordedEvent[]> {
    const rest = events.filter(
      (event) => after === undefined || Number(event.position) > Number(after),
    );
    for (let start = 0; start < rest.length; start += pageSize) {
      yield rest.slice(start, start + pageSize);
      await Promise.resolve();
    }
  };
}

const aBound = (events: readonly RecordedEvent[]): fc.Arbitrary<AsOfBound> =>
  fc.oneof(
    fc.constant({}),
    fc
      .integer({ min: 0, max: events.length * 3 + 3 })
      .map((position) => ({ atPosition: String(position) })),
    // Around the store time of some event, where a step back of the clock matters.
    fc
      .record({
        index: fc.nat(Math.max(0, events.length - 1)),
        delta: fc.integer({ min: -1, max: 1 }),
      })
      .map(({ index, delta }) => ({
        asOfMillis: (events[index] ? Date.parse(events[index].storedAt) : START) + delta,
      })),
  );

describe('as-of replay from snapshots', () => {
  it('answers exactly as a full replay, for any bounds asked in any order', async () => {
    const scenario = historyOf({ maxLength: 200 }).chain((events) =>
      fc.record({
        events: fc.constant(events),
        bounds: fc.array(aBound(events), { minLength: 1, maxLength: 12 }),
        // Where the history index stood at each question: it only moves on.
        indexed: fc
          .array(fc.integer({ min: 0, max: events.length * 3 + 3 }), {
            minLength: 12,
            maxLength: 12,
          })
          .map((positions) => positions.sort((a, b) => a - b)),
        every: fc.integer({ min: 1, max: 20 }),
        pageSize: fc.integer({ min: 1, max: 64 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ events, bounds, indexed, every, pageSize }) => {
        const snapshots = new Customer360Snapshots(every);
        for (const [question, bound] of bounds.entries()) {
          const indexedUpTo = indexed[question]!;
          // A lagging index lists only the streams it has seen; a replay reads all their events.
          const listed = new Set(
            events.filter((event) => Number(event.position) <= indexedUpTo).map((e) => e.streamId),
          );
          const history = events.filter((event) => listed.has(event.streamId));
          const answered = await replayAsOf({
            contactId: CONTACT,
            bound,
            pagesAfter: pagesOf(history, pageSize),
            snapshots,
            snapshotsUpTo: String(indexedUpTo),
          });
          expect(answered).toEqual(await fullReplay(history, bound));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('starts from a snapshot: a second replay reads only the events after it', async () => {
    const [events] = fc.sample(historyOf({ minLength: 150, maxLength: 180 }), 1);
    if (!events) throw new Error('no history sampled');
    const snapshots = new Customer360Snapshots(50);
    const read: number[] = [];
    const counting = (after: string | undefined) => {
      const pages = pagesOf(events, 10)(after);
      return (async function* () {
        for await (const page of pages) {
          read.push(page.length);
          yield page;
        }
      })();
    };
    const replay = { contactId: CONTACT, bound: {}, snapshots, snapshotsUpTo: '100000' };
    const first = await replayAsOf({ ...replay, pagesAfter: counting });
    const firstRead = read.splice(0).reduce((sum, length) => sum + length, 0);
    const second = await replayAsOf({ ...replay, pagesAfter: counting });
    const secondRead = read.reduce((sum, length) => sum + length, 0);

    expect(second).toEqual(first);
    expect(firstRead).toBe(events.length);
    expect(secondRead).toBe(events.length % 50);
  });
});

/** A business moment near an event's own business time (give or take 1 ms), or anywhere. */
const aValidAt = (events: readonly RecordedEvent[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc
      .record({ index: fc.nat(Math.max(0, events.length - 1)), delta: fc.constantFrom(-1, 0, 1) })
      .map(({ index, delta }) => {
        const at = events[index]?.metadata.occurredAt;
        return new Date((typeof at === 'string' ? Date.parse(at) : START) + delta).toISOString();
      }),
    fc.integer({ min: 0, max: 40_000_000 }).map((at) => new Date(START + at).toISOString()),
  );

describe('bitemporal replay (validAt with atPosition or asOf)', () => {
  it('answers as a plain fold of the recorded events that had happened by validAt, snapshots or not', async () => {
    const question = (events: readonly RecordedEvent[]) =>
      fc.record({ bound: aBound(events), validAt: fc.option(aValidAt(events), { freq: 3 }) });
    const scenario = historyWithBackfills({ maxLength: 200 }).chain((events) =>
      fc.record({
        events: fc.constant(events),
        questions: fc.array(question(events), { minLength: 1, maxLength: 12 }),
        every: fc.integer({ min: 1, max: 20 }),
        pageSize: fc.integer({ min: 1, max: 64 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ events, questions, every, pageSize }) => {
        // Questions with and without validAt share the snapshots, as they do in the service.
        const snapshots = new Customer360Snapshots(every);
        for (const { bound, validAt } of questions) {
          const answered = await replayAsOf({
            contactId: CONTACT,
            bound: validAt === null ? bound : { ...bound, validAt },
            pagesAfter: pagesOf(events, pageSize),
            snapshots,
            snapshotsUpTo: '100000',
          });
          const expected =
            validAt === null
              ? await fullReplay(events, bound)
              : await bitemporalReplay(events, { ...bound, validAt });
          expect(answered).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('starts from a snapshot of a history recorded in business-time order', async () => {
    const [drafts] = fc.sample(historyOf({ minLength: 150, maxLength: 180 }), 1);
    if (!drafts) throw new Error('no history sampled');
    // Every event an hour after the one before: the recorded order is the business order.
    const events = drafts.map((event, index) => ({
      ...event,
      metadata: { occurredAt: new Date(START + index * 3_600_000).toISOString() },
    }));
    const snapshots = new Customer360Snapshots(50);
    let read = 0;
    const counting = (after: string | undefined) => {
      const pages = pagesOf(events, 10)(after);
      return (async function* () {
        for await (const page of pages) {
          read += page.length;
          yield page;
        }
      })();
    };
    const replay = { contactId: CONTACT, snapshots, snapshotsUpTo: '100000' };
    await replayAsOf({ ...replay, bound: {}, pagesAfter: counting });
    read = 0;
    const validAt = new Date(START + 170 * 3_600_000).toISOString();
    const answered = await replayAsOf({ ...replay, bound: { validAt }, pagesAfter: counting });

    expect(answered).toEqual(await bitemporalReplay(events, { validAt }));
    expect(read).toBe(events.length % 50);
  });
});
