import fc from 'fast-check';
import type { RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { occurredAtOf } from '../shared/event-fields';
import { eventsKnownAt } from '../shared/testing/business-time-oracle';
import { windowAndFilters } from '../shared/testing/query-arbitraries';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { PIPELINE_GROUP_BYS } from './pipeline-groups';
import { queryPipeline, type PipelineReadModel } from './query-pipeline';
import { queryPipelineAsOf } from './query-pipeline-as-of';
import { backfilledDealHistories, businessMoment } from './testing/backfilled-deals';
import { daysAfterOrigin as day, dealHistory } from './testing/deal-events';
import { projectPipeline } from './testing/pipeline-read-model';
import { sixDeals } from './testing/six-deals';

const filter = fc.oneof(
  fc.record({ ownerId: fc.constantFrom('o0', 'o1') }),
  fc.record({ teamId: fc.constantFrom('t0', 't1') }),
  fc.record({ channel: fc.constant('partner') }),
  fc.record({ product: fc.constantFrom('p0', 'p1') }),
);
const query = fc.record({
  filters: windowAndFilters(fc.option(businessMoment, { nil: undefined }), filter, {
    orderedWindow: true,
  }),
  groupBy: fc.option(fc.constantFrom(...PIPELINE_GROUP_BYS), { nil: undefined }),
  // Half the time exactly the business time of one of the events (its index, modulo their count).
  moment: fc.oneof(businessMoment, fc.nat()),
});

const withoutPosition = <V extends { position: string }>({ position: _, ...figures }: V) => figures;

describe('the pipeline as of a business moment', () => {
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

  it('equals a fresh pipeline fed only the events that had happened by then, in business order', async () => {
    await fc.assert(
      fc.asyncProperty(
        backfilledDealHistories,
        fc.integer({ min: 1, max: 30 }),
        fc.array(query, { minLength: 1, maxLength: 5 }),
        async (events, batchSize, asked) => {
          await readStore.dropByPrefix('pipeline.');
          let model = await projectPipeline(readStore, []);
          for (let start = 0; start < events.length; start += batchSize) {
            model = await projectPipeline(readStore, events.slice(start, start + batchSize));
          }
          for (const { filters, groupBy, moment } of asked) {
            const validAt = typeof moment === 'string' ? moment : occurredAt(events, moment);
            await oracleStore.dropByPrefix('pipeline.');
            const oracle = await projectPipeline(oracleStore, eventsKnownAt(events, validAt));
            const expected = await queryPipeline(oracle, filters, groupBy);
            const actual = await queryPipelineAsOf(model, filters, validAt, groupBy);
            expect(withoutPosition(actual)).toEqual(withoutPosition(expected));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

function occurredAt(events: readonly RecordedEvent[], index: number): string {
  return occurredAtOf(events[index % events.length]!);
}

/**
 * The six deals of testing/six-deals.ts (d1…d6, days after 2024-03-04T09:00Z), then, recorded
 * after all of them: d3 moved to negotiation at 0.5 on day 4 and a deal d7 opened on day 1.5
 * (pete, qualification, 600 at 0.1). Live, d4 and d6 are won on day 7 and d5 lost on day 5.5.
 */
function sixDealsAndBackfills(): RecordedEvent[] {
  const history = dealHistory();
  history.event('DealStageAdvanced', 'd3', 4, {
    stage: 'negotiation',
    previousStage: 'qualification',
    probability: 0.5,
  });
  history.event('DealOpened', 'd7', 1.5, {
    name: 'A deal',
    currency: 'EUR',
    channel: 'online',
    stage: 'qualification',
    amount: 600,
    probability: 0.1,
    ownerId: 'pete',
  });
  const six = sixDeals();
  const offset = six.length;
  // Numbered on from the six deals' positions, as the store would have recorded them.
  const backfills = history.events.map((event, index) => {
    const position = String(offset + index + 1);
    return { ...event, eventId: `event-${position}`, position };
  });
  return [...six, ...backfills];
}

describe('queryPipelineAsOf', () => {
  let readStore: ReadStore;
  let model: PipelineReadModel;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    model = await projectPipeline(readStore, sixDealsAndBackfills());
  });

  afterEach(() => readStore.close());

  it('counts every deal opened by then, open in the stage it had, the backfills included', async () => {
    // Day 5: d6 opens exactly then; d4's win (day 7) and d5's loss (day 5.5) are still to come.
    expect(await queryPipelineAsOf(model, {}, day(5))).toEqual({
      stages: [
        { stage: 'negotiation', count: 1, amount: 400, weightedAmount: 200 }, // d3 400 × 0.5
        // d1 1000 × 0.5 + d2 2000 × 0.25 + d4 5000 × 0.6 + d5 700 + d6 300 (no probability)
        { stage: 'proposal', count: 5, amount: 9000, weightedAmount: 4000 },
        { stage: 'qualification', count: 1, amount: 600, weightedAmount: 60 }, // d7 600 × 0.1
      ],
      won: 0,
      lost: 0,
      winRate: null,
      revenue: 0,
      averageDaysToClose: null,
      currencies: ['EUR', 'USD'],
      position: '14',
    });
  });

  it('closes deals as their wins and losses happen, and ignores what came after a close', async () => {
    // Day 6: d5 lost after 1.5 days; its stray DealWon on day 6 changes nothing.
    const day6 = await queryPipelineAsOf(model, {}, day(6));
    expect(day6.stages.find(({ stage }) => stage === 'proposal')).toEqual({
      stage: 'proposal',
      count: 4, // d1, d2, d4, d6: 1000 + 2000 + 5000 + 300
      amount: 8300,
      weightedAmount: 4000,
    });
    expect([day6.won, day6.lost, day6.winRate, day6.averageDaysToClose]).toEqual([0, 1, 0, 1.5]);
    // Day 7: d4 won at 4500 after 4 days, d6 at 300 after 2: (4 + 2 + 1.5) / 3 = 2.5 days.
    const day7 = await queryPipelineAsOf(model, {}, day(7));
    expect(day7).toMatchObject({ won: 2, lost: 1, winRate: 2 / 3, revenue: 4800 });
    expect(day7.averageDaysToClose).toBeCloseTo(2.5, 9);
    expect(day7.stages).toEqual([
      { stage: 'negotiation', count: 1, amount: 400, weightedAmount: 200 },
      { stage: 'proposal', count: 2, amount: 3000, weightedAmount: 1000 }, // d1, d2
      { stage: 'qualification', count: 1, amount: 600, weightedAmount: 60 },
    ]);
  });

  it('keeps to the window and filters, and breaks the moment down by owner', async () => {
    // Pete's deals opened in [day 2, day 4): d3 and d4 (d7 opened on day 1.5).
    const pete = await queryPipelineAsOf(
      model,
      { ownerId: 'pete', from: day(2), to: day(4) },
      day(5),
    );
    expect(pete.stages).toEqual([
      { stage: 'negotiation', count: 1, amount: 400, weightedAmount: 200 },
      { stage: 'proposal', count: 1, amount: 5000, weightedAmount: 3000 },
    ]);
    const byOwner = await queryPipelineAsOf(model, {}, day(5), 'owner');
    expect(byOwner.groups).toEqual([
      // Nothing won yet: by key. olga: d1, d2, d5 (1000 × 0.5 + 2000 × 0.25 + 700).
      {
        key: 'olga',
        open: { count: 3, amount: 3700, weightedAmount: 1000 },
        won: 0,
        lost: 0,
        winRate: null,
        revenue: 0,
        averageDaysToClose: null,
      },
      // pete: d3 400 × 0.5, d4 5000 × 0.6, d6 300, d7 600 × 0.1.
      {
        key: 'pete',
        open: { count: 4, amount: 6300, weightedAmount: 3260 },
        won: 0,
        lost: 0,
        winRate: null,
        revenue: 0,
        averageDaysToClose: null,
      },
    ]);
  });

  it('answers nothing before the first deal opened', async () => {
    expect(await queryPipelineAsOf(model, {}, day(-1), 'team')).toEqual({
      stages: [],
      won: 0,
      lost: 0,
      winRate: null,
      revenue: 0,
      averageDaysToClose: null,
      currencies: [],
      groups: [],
      position: '14',
    });
  });

  it('refuses, rather than answers nothing, on a generation built before deals kept histories', async () => {
    // What a version-3 generation holds while version 4 rebuilds: the live deal documents alone.
    const deals = 'pipeline.g0.deals';
    const deal = { ...(await readStore.find(model.deals, {}))[0]!, _id: 'd1' };
    await readStore.applyBatch({
      projection: 'pipeline.g0.$checkpoint',
      writes: [{ kind: 'put', collection: deals, document: deal }],
      expectedCheckpoint: undefined,
      checkpoint: '1',
    });
    const older = { readStore, deals, position: '1' };
    await expect(queryPipelineAsOf(older, {}, day(5))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    // A generation of this version without any deal has nothing to answer: no refusal.
    const empty = { readStore, deals: 'pipeline.g9.deals', position: '0' };
    expect((await queryPipelineAsOf(empty, {}, day(5))).stages).toEqual([]);
  });
});
