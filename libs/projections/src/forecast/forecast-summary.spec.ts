import fc from 'fast-check';
import type { ReadStore } from '@chronicle/read-store';
import { daysAfterOrigin, dealHistory } from '../pipeline/testing/deal-events';
import { windowAndFilters } from '../shared/testing/query-arbitraries';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { queryForecast, queryForecastByDeals } from './query-forecast';
import { projectForecast } from './testing/forecast-read-model';

const DEALS = 8;
const deal = fc.integer({ min: 0, max: DEALS - 1 });
// Quarter days over about two months from 2024-03-04.
const day = fc.integer({ min: 0, max: 240 }).map((quarters) => quarters / 4);
const maybe = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
const probability = maybe([0.1, 0.35, 0.7]);

type Step =
  | {
      kind: 'open';
      deal: number;
      day: number;
      owner: string;
      team?: string;
      amount: number;
      probability?: number;
      closeDate?: string;
    }
  | { kind: 'advance'; deal: number; day: number; probability?: number }
  | { kind: 'won'; deal: number; day: number; amount?: number }
  | { kind: 'lost'; deal: number; day: number };

const opening = (index: number): fc.Arbitrary<Step> =>
  fc.record({
    kind: fc.constant('open' as const),
    deal: fc.constant(index),
    day,
    owner: fc.constantFrom('o0', 'o1'),
    team: maybe(['t0', 't1']),
    amount: fc.integer({ min: 1, max: 100_000 }).map((cents) => cents / 100),
    probability,
    closeDate: maybe(['2024-03-31', '2024-04-01', '2024-05-15', '2024-05-31T23:30:00-02:00']),
  });
const change: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('advance' as const), deal, day, probability }),
  fc.record({
    kind: fc.constant('won' as const),
    deal,
    day,
    amount: fc.option(fc.integer({ min: 1, max: 9_999 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('lost' as const), deal, day }),
);
const histories: fc.Arbitrary<Step[]> = fc
  .tuple(
    fc.tuple(...Array.from({ length: DEALS }, (_, index) => opening(index))),
    fc.array(change, { minLength: 3, maxLength: 25 }),
  )
  .chain(([openings, changes]) =>
    fc.shuffledSubarray([...openings, ...changes], { minLength: openings.length + changes.length }),
  );

const time = fc.integer({ min: -4, max: 250 }).map((quarters) => daysAfterOrigin(quarters / 4));
const filter = fc.oneof(
  fc.record({ ownerId: fc.constantFrom('o0', 'o1') }),
  fc.record({ teamId: fc.constant('t1') }),
);
const queries = fc.record({
  filters: windowAndFilters(fc.option(time, { nil: undefined }), filter, { orderedWindow: true }),
  at: time,
});

function historyOf(steps: Step[]) {
  const history = dealHistory();
  for (const step of steps) {
    const id = `D${step.deal}`;
    if (step.kind === 'open') {
      history.event('DealOpened', id, step.day, {
        name: id,
        amount: step.amount,
        currency: 'EUR',
        stage: 'qualification',
        channel: 'online',
        ownerId: step.owner,
        ...(step.team !== undefined && { teamId: step.team }),
        ...(step.probability !== undefined && { probability: step.probability }),
        ...(step.closeDate !== undefined && { expectedCloseDate: step.closeDate }),
      });
    } else if (step.kind === 'advance') {
      const p = step.probability;
      history.event('DealStageAdvanced', id, step.day, {
        stage: 'proposal',
        ...(p !== undefined && { probability: p }),
      });
    } else if (step.kind === 'won') {
      history.event('DealWon', id, step.day, {
        ...(step.amount !== undefined && { amount: step.amount }),
      });
    } else {
      history.event('DealLost', id, step.day);
    }
  }
  return history.events;
}

describe('the forecast day summaries', () => {
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = await openTestReadStore();
  });

  afterEach(() => readStore.close());

  it('answer every window, filter and time exactly as the deals judged at that time', async () => {
    await fc.assert(
      fc.asyncProperty(
        histories,
        fc.integer({ min: 1, max: 30 }),
        fc.array(queries, { minLength: 1, maxLength: 6 }),
        async (steps, batchSize, asked) => {
          await readStore.dropByPrefix('forecast.');
          const events = historyOf(steps);
          let model = await projectForecast(readStore, []);
          for (let start = 0; start < events.length; start += batchSize) {
            model = await projectForecast(readStore, events.slice(start, start + batchSize));
          }
          for (const { filters, at } of asked) {
            expect(await queryForecast(model, filters, at)).toEqual(
              await queryForecastByDeals(model, filters, at),
            );
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
