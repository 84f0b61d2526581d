import fc from 'fast-check';
import type { ReadStore } from '@chronicle/read-store';
import { windowAndFilters } from '../shared/testing/query-arbitraries';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { type PipelineFilters, queryPipeline, queryPipelineByDeals } from './query-pipeline';
import { daysAfterOrigin, dealHistory } from './testing/deal-events';
import { projectPipeline } from './testing/pipeline-read-model';

const deal = fc.integer({ min: 0, max: 7 });
// Quarter days, so cohorts split inside days as well as between them.
const day = fc.integer({ min: 0, max: 20 }).map((quarters) => quarters / 4);

type Step =
  | {
      kind: 'open';
      deal: number;
      day: number;
      owner: string;
      channel: string;
      amount: number;
      probability?: number;
    }
  | { kind: 'advance'; deal: number; day: number; stage: string; probability?: number }
  | { kind: 'won'; deal: number; day: number; amount?: number }
  | { kind: 'lost'; deal: number; day: number };

const probability = fc.option(fc.constantFrom(0.1, 0.35, 0.7), { nil: undefined });
const opening = (index: number): fc.Arbitrary<Step> =>
  fc.record({
    kind: fc.constant('open' as const),
    deal: fc.constant(index),
    day,
    owner: fc.constantFrom('o0', 'o1'),
    channel: fc.constantFrom('online', 'partner'),
    amount: fc.integer({ min: 1, max: 100_000 }).map((cents) => cents / 100),
    probability,
  });
const change: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('advance' as const),
    deal,
    day,
    stage: fc.constantFrom('proposal', 'negotiation'),
    probability,
  }),
  fc.record({
    kind: fc.constant('won' as const),
    deal,
    day,
    amount: fc.option(fc.integer({ min: 1, max: 9_999 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('lost' as const), deal, day }),
);
/** Every deal opens (in a random order, at random times), then changes come. */
const histories: fc.Arbitrary<Step[]> = fc
  .tuple(
    fc.tuple(...[0, 1, 2, 3, 4, 5, 6, 7].map(opening)),
    fc.array(change, { minLength: 3, maxLength: 30 }),
  )
  .chain(([openings, changes]) =>
    fc.shuffledSubarray([...openings, ...changes], { minLength: openings.length + changes.length }),
  );

const bound = fc.option(
  fc.integer({ min: -4, max: 24 }).map((quarters) => daysAfterOrigin(quarters / 4)),
  {
    nil: undefined,
  },
);
const filter = fc.oneof(
  fc.record({ ownerId: fc.constantFrom('o0', 'o1') }),
  fc.record({ channel: fc.constantFrom('online', 'partner') }),
  fc.record({ teamId: fc.constant('team-1') }),
);
const filters: fc.Arbitrary<PipelineFilters> = windowAndFilters(bound, filter, {
  orderedWindow: true,
});

describe('the pipeline day summaries', () => {
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = await openTestReadStore();
  });

  afterEach(async () => {
    await readStore.close();
  });

  it('answer every window and filter exactly as the deals themselves, across batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        histories,
        fc.integer({ min: 1, max: 30 }),
        fc.array(filters, { minLength: 1, maxLength: 6 }),
        async (steps, batchSize, asked) => {
          await readStore.dropByPrefix('pipeline.');
          const history = dealHistory();
          for (const step of steps) {
            const id = `D${step.deal}`;
            if (step.kind === 'open') {
              history.event('DealOpened', id, step.day, {
                name: id,
                amount: step.amount,
                currency: step.deal % 3 === 0 ? 'USD' : 'EUR',
                stage: 'qualification',
                channel: step.channel,
                ownerId: step.owner,
                teamId: 'team-1',
                ...(step.probability !== undefined && { probability: step.probability }),
              });
            } else if (step.kind === 'advance') {
              const { stage, probability: p } = step;
              history.event('DealStageAdvanced', id, step.day, {
                stage,
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
          let model = await projectPipeline(readStore, []);
          for (let start = 0; start < history.events.length; start += batchSize) {
            model = await projectPipeline(
              readStore,
              history.events.slice(start, start + batchSize),
            );
          }
          for (const askedFilters of asked) {
            expect(await queryPipeline(model, askedFilters)).toEqual(
              await queryPipelineByDeals(model, askedFilters),
            );
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
