import fc from 'fast-check';
import type { JsonObject, RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { backfilledDealHistories, businessMoment } from '../pipeline/testing/backfilled-deals';
import { daysAfterOrigin as day, dealHistory } from '../pipeline/testing/deal-events';
import { occurredAtOf } from '../shared/event-fields';
import { eventsKnownAt } from '../shared/testing/business-time-oracle';
import { windowAndFilters } from '../shared/testing/query-arbitraries';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { type ForecastReadModel, queryForecast } from './query-forecast';
import { queryForecastAsOf } from './query-forecast-as-of';
import { projectForecast } from './testing/forecast-read-model';

const filter = fc.oneof(
  fc.record({ ownerId: fc.constantFrom('o0', 'o1') }),
  fc.record({ teamId: fc.constantFrom('t0', 't1') }),
);
const query = fc.record({
  filters: windowAndFilters(fc.option(businessMoment, { nil: undefined }), filter, {
    orderedWindow: true,
  }),
  // Half the time exactly the business time of one of the events (its index, modulo their count).
  moment: fc.oneof(businessMoment, fc.nat()),
});

describe('the forecast as of a business moment', () => {
  let readStore: ReadStore;
  let oracleStore: ReadStore;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    oracleStore = await openTestReadStore();
  });

  afterEach(async () => {
    await readStore.close();
    await oracleStore.close();
  });

  it('equals a fresh forecast fed only the events that had happened by then, judged then', async () => {
    await fc.assert(
      fc.asyncProperty(
        backfilledDealHistories,
        fc.integer({ min: 1, max: 30 }),
        fc.array(query, { minLength: 1, maxLength: 5 }),
        async (events, batchSize, asked) => {
          await readStore.dropByPrefix('forecast.');
          let model = await projectForecast(readStore, []);
          for (let start = 0; start < events.length; start += batchSize) {
            model = await projectForecast(readStore, events.slice(start, start + batchSize));
          }
          for (const { filters, moment } of asked) {
            const validAt =
              typeof moment === 'string' ? moment : occurredAtOf(events[moment % events.length]!);
            await oracleStore.dropByPrefix('forecast.');
            const oracle = await projectForecast(oracleStore, eventsKnownAt(events, validAt));
            const { position: _, ...expected } = await queryForecast(oracle, filters, validAt);
            const { position: __, ...actual } = await queryForecastAsOf(model, filters, validAt);
            expect(actual).toEqual(expected);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

const won = (amount: number, previousAmount: number): JsonObject => ({
  amount,
  currency: 'EUR',
  previousAmount,
});

/**
 * Nine deals, in days after 2024-03-04T09:00Z (those of query-forecast.spec.ts), then one backfill
 * recorded after all of them: f1 rescheduled on day 30 to close on 2024-05-20, at 0.8.
 * - f1 day 0, ann/east, 1000 at 0.5, closing 2024-04-15.
 * - f2 day 1, ann, 2000, closing 2024-04-30; 0.25 on day 2.
 * - f3 day 2, bob/east, 400, no close date.
 * - f4 day 3, bob, 5000 at 0.6, closing 2024-03-31; won on day 7 (2024-03-11) at 4500.
 * - f5 day 4, ann, 700 at 0.2, closing 2024-05-10; lost on day 45.
 * - f6 day 5, bob, 300, closing 2024-03-20; won on day 50 (2024-04-23) at 350.
 * - f7 day 6, ann, 800; lost on day 8.
 * - f8 day 20, bob/east, 900, closing 2024-06-01; won on day 35 (2024-04-08) at 900.
 * - f9 day 45, ann, 100, no close date.
 */
function nineDealsAndABackfill(): RecordedEvent[] {
  const history = dealHistory();
  const open = (id: string, at: number, fields: JsonObject) =>
    history.event('DealOpened', id, at, {
      name: id,
      currency: 'EUR',
      stage: 'proposal',
      channel: 'online',
      ...fields,
    });
  open('f1', 0, {
    amount: 1000,
    probability: 0.5,
    ownerId: 'ann',
    teamId: 'east',
    expectedCloseDate: '2024-04-15',
  });
  open('f2', 1, { amount: 2000, ownerId: 'ann', expectedCloseDate: '2024-04-30' });
  history.event('DealStageAdvanced', 'f2', 2, { stage: 'negotiation', probability: 0.25 });
  open('f3', 2, { amount: 400, ownerId: 'bob', teamId: 'east' });
  open('f4', 3, {
    amount: 5000,
    probability: 0.6,
    ownerId: 'bob',
    expectedCloseDate: '2024-03-31',
  });
  history.event('DealWon', 'f4', 7, won(4500, 5000));
  open('f5', 4, { amount: 700, probability: 0.2, ownerId: 'ann', expectedCloseDate: '2024-05-10' });
  history.event('DealLost', 'f5', 45, { reason: 'budget' });
  open('f6', 5, { amount: 300, ownerId: 'bob', expectedCloseDate: '2024-03-20' });
  history.event('DealWon', 'f6', 50, won(350, 300));
  open('f7', 6, { amount: 800, ownerId: 'ann' });
  history.event('DealLost', 'f7', 8, {});
  open('f8', 20, { amount: 900, ownerId: 'bob', teamId: 'east', expectedCloseDate: '2024-06-01' });
  history.event('DealWon', 'f8', 35, won(900, 900));
  open('f9', 45, { amount: 100, ownerId: 'ann' });
  history.event('DealStageAdvanced', 'f1', 30, {
    stage: 'negotiation',
    probability: 0.8,
    expectedCloseDate: '2024-05-20',
  });
  return history.events;
}

const nothingWon = { count: 0, revenue: 0 };
const nothingOpen = { count: 0, amount: 0, weightedAmount: 0 };

describe('queryForecastAsOf', () => {
  let readStore: ReadStore;
  let model: ForecastReadModel;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    model = await projectForecast(readStore, nineDealsAndABackfill());
  });

  afterEach(() => readStore.close());

  it('sets the deals open then by the close month known then, beside the wins by then', async () => {
    // Day 25 (2024-03-29): f1 still due in April; f8 is open (won on day 35), f6 too.
    expect(await queryForecastAsOf(model, {}, day(25))).toEqual({
      months: [
        {
          month: '2024-03',
          open: { count: 1, amount: 300, weightedAmount: 0 },
          won: { count: 1, revenue: 4500 },
        },
        // f1 1000 × 0.5 + f2 2000 × 0.25
        {
          month: '2024-04',
          open: { count: 2, amount: 3000, weightedAmount: 1000 },
          won: nothingWon,
        },
        { month: '2024-05', open: { count: 1, amount: 700, weightedAmount: 140 }, won: nothingWon }, // f5
        { month: '2024-06', open: { count: 1, amount: 900, weightedAmount: 0 }, won: nothingWon }, // f8
      ],
      noCloseDate: { count: 1, amount: 400, weightedAmount: 0 }, // f3; f7 lost on day 8
      currencies: ['EUR'],
      position: '16',
    });
  });

  it('moves a deal to the close month its backfilled reschedule gave it', async () => {
    // Day 40 (2024-04-13): f1 rescheduled on day 30 to May at 0.8; f8 won on 2024-04-08.
    expect(await queryForecastAsOf(model, {}, day(40))).toEqual({
      months: [
        {
          month: '2024-03',
          open: { count: 1, amount: 300, weightedAmount: 0 },
          won: { count: 1, revenue: 4500 },
        },
        // f2 2000 × 0.25
        {
          month: '2024-04',
          open: { count: 1, amount: 2000, weightedAmount: 500 },
          won: { count: 1, revenue: 900 },
        },
        // f5 700 × 0.2 + f1 1000 × 0.8
        {
          month: '2024-05',
          open: { count: 2, amount: 1700, weightedAmount: 940 },
          won: nothingWon,
        },
      ],
      noCloseDate: { count: 1, amount: 400, weightedAmount: 0 },
      currencies: ['EUR'],
      position: '16',
    });
  });

  it('keeps to the owner, the team and the window of opening', async () => {
    // Team east on day 40: f1 (May), f3 (no date), f8 (won in April); opened in [day 1, day 21).
    const east = await queryForecastAsOf(
      model,
      { teamId: 'east', from: day(1), to: day(21) },
      day(40),
    );
    expect(east.months).toEqual([
      { month: '2024-04', open: nothingOpen, won: { count: 1, revenue: 900 } },
    ]);
    expect(east.noCloseDate).toEqual({ count: 1, amount: 400, weightedAmount: 0 });
    const ann = await queryForecastAsOf(model, { ownerId: 'ann' }, day(45));
    // Day 45: f5 lost then, f9 opened then (no close date); f1 and f2 still open.
    expect(ann.months).toEqual([
      { month: '2024-04', open: { count: 1, amount: 2000, weightedAmount: 500 }, won: nothingWon },
      { month: '2024-05', open: { count: 1, amount: 1000, weightedAmount: 800 }, won: nothingWon },
    ]);
    expect(ann.noCloseDate).toEqual({ count: 1, amount: 100, weightedAmount: 0 });
  });
});
