import fc from 'fast-check';
import type { ReadStore } from '@chronicle/read-store';
import { addAmounts } from '../shared/percentiles';
import { windowAndFilters } from '../shared/testing/query-arbitraries';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { PIPELINE_GROUP_BYS } from './pipeline-groups';
import { type PipelineView, queryPipeline } from './query-pipeline';
import { queryPipelineGroupsByDeals } from './query-pipeline-groups';
import { daysAfterOrigin, dealHistory } from './testing/deal-events';
import { projectPipeline } from './testing/pipeline-read-model';

const DEALS = 10;
const deal = fc.integer({ min: 0, max: DEALS - 1 });
// Quarter days over about four months from 2024-03-04, so windows cut months and days.
const day = fc.integer({ min: 0, max: 480 }).map((quarters) => quarters / 4);
const maybe = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });

type Step =
  | {
      kind: 'open';
      deal: number;
      day: number;
      owner: string;
      team?: string;
      channel: string;
      product?: string;
      amount: number;
      probability?: number;
    }
  | { kind: 'advance'; deal: number; day: number; probability?: number }
  | { kind: 'won'; deal: number; day: number; amount?: number }
  | { kind: 'lost'; deal: number; day: number };

const probability = maybe([0.1, 0.35, 0.7]);
const opening = (index: number): fc.Arbitrary<Step> =>
  fc.record({
    kind: fc.constant('open' as const),
    deal: fc.constant(index),
    day,
    owner: fc.constantFrom('o0', 'o1', 'o2'),
    team: maybe(['t0', 't1']),
    channel: fc.constantFrom('online', 'offline'),
    product: maybe(['p0', 'p1']),
    amount: fc.integer({ min: 1, max: 100_000 }).map((cents) => cents / 100),
    probability,
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
    fc.array(change, { minLength: 3, maxLength: 30 }),
  )
  .chain(([openings, changes]) =>
    fc.shuffledSubarray([...openings, ...changes], { minLength: openings.length + changes.length }),
  );

const bound = fc.option(
  fc.integer({ min: -8, max: 500 }).map((quarters) => daysAfterOrigin(quarters / 4)),
  { nil: undefined },
);
const filter = fc.oneof(
  fc.record({ ownerId: fc.constantFrom('o0', 'o1') }),
  fc.record({ teamId: fc.constant('t1') }),
  fc.record({ product: fc.constant('p0') }),
);
const queries = fc.record({
  filters: windowAndFilters(bound, filter, { orderedWindow: true }),
  groupBy: fc.constantFrom(...PIPELINE_GROUP_BYS),
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
        channel: step.channel,
        ownerId: step.owner,
        ...(step.team !== undefined && { teamId: step.team }),
        ...(step.product !== undefined && { product: step.product }),
        ...(step.probability !== undefined && { probability: step.probability }),
      });
    } else if (step.kind === 'advance') {
      const p = step.probability;
      history.event('DealStageAdvanced', id, step.day, {
        stage: 'proposal',
        ...(p !== undefined && { probability: p }),
      });
    } else if (step.kind === 'won') {
      history.event(
        'DealWon',
        id,
        step.day,
        step.amount === undefined ? {} : { amount: step.amount },
      );
    } else {
      history.event('DealLost', id, step.day);
    }
  }
  return history.events;
}

/** The additive figures of a set of groups, summed, beside the same figures of the totals. */
function sums(view: PipelineView) {
  const groups = view.groups ?? [];
  const add = (pick: (group: (typeof groups)[number]) => number) =>
    groups.reduce((sum, group) => addAmounts(sum, pick(group)), 0);
  const closedDays = (average: number | null, closed: number) => (average ?? 0) * closed;
  return {
    fromGroups: {
      count: add((g) => g.open.count),
      amount: add((g) => g.open.amount),
      weightedAmount: add((g) => g.open.weightedAmount),
      won: add((g) => g.won),
      lost: add((g) => g.lost),
      revenue: add((g) => g.revenue),
      closedDays: Math.round(add((g) => closedDays(g.averageDaysToClose, g.won + g.lost)) * 1e3),
    },
    fromTotals: {
      count: view.stages.reduce((sum, stage) => sum + stage.count, 0),
      amount: view.stages.reduce((sum, stage) => addAmounts(sum, stage.amount), 0),
      weightedAmount: view.stages.reduce((sum, stage) => addAmounts(sum, stage.weightedAmount), 0),
      won: view.won,
      lost: view.lost,
      revenue: view.revenue,
      closedDays: Math.round(closedDays(view.averageDaysToClose, view.won + view.lost) * 1e3),
    },
  };
}

describe('pipeline breakdowns', () => {
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = await openTestReadStore();
  });

  afterEach(() => readStore.close());

  it('add up to the totals and answer as the deals themselves do, across batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        histories,
        fc.integer({ min: 1, max: 30 }),
        fc.array(queries, { minLength: 1, maxLength: 6 }),
        async (steps, batchSize, asked) => {
          await readStore.dropByPrefix('pipeline.');
          const events = historyOf(steps);
          let model = await projectPipeline(readStore, []);
          for (let start = 0; start < events.length; start += batchSize) {
            model = await projectPipeline(readStore, events.slice(start, start + batchSize));
          }
          for (const { filters, groupBy } of asked) {
            const view = await queryPipeline(model, filters, groupBy);
            const { fromGroups, fromTotals } = sums(view);
            expect(fromGroups).toEqual(fromTotals);
            expect(view.groups).toEqual(await queryPipelineGroupsByDeals(model, filters, groupBy));
            expect(new Set(view.groups!.map(({ key }) => key)).size).toBe(view.groups!.length);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
