import type { ReadStore } from '@chronicle/read-store';
import { queryPipeline, type PipelineReadModel } from './query-pipeline';
import { daysAfterOrigin as day } from './testing/deal-events';
import { sixDeals } from './testing/six-deals';
import { projectPipeline } from './testing/pipeline-read-model';
import { openTestReadStore } from '../shared/testing/test-read-store';

describe('queryPipeline', () => {
  let readStore: ReadStore;
  let model: PipelineReadModel;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    model = await projectPipeline(readStore, sixDeals());
  });

  afterEach(() => readStore.close());

  it('groups open deals by current stage and sums the closed ones', async () => {
    expect(await queryPipeline(model, {})).toEqual({
      stages: [
        // d1 and d2: 1000 + 2000; weighted 1000·0.5 + 2000·0.25 = 500 + 500.
        { stage: 'proposal', count: 2, amount: 3000, weightedAmount: 1000 },
        // d3 has no probability: its amount counts, its weight is 0.
        { stage: 'qualification', count: 1, amount: 400, weightedAmount: 0 },
      ],
      won: 2, // d4, d6
      lost: 1, // d5
      winRate: 2 / 3,
      revenue: 4800, // 4500 (WinDeal's amount replaces 5000) + 300
      averageDaysToClose: 2.5, // (4 + 1.5 + 2) / 3
      currencies: ['EUR', 'USD'],
      position: '12',
    });
  });

  it('filters by owner, team, channel and product', async () => {
    const olga = await queryPipeline(model, { ownerId: 'olga' });
    const east = await queryPipeline(model, { teamId: 'east' });
    const online = await queryPipeline(model, { channel: 'online' });
    const crm = await queryPipeline(model, { product: 'crm' });

    // d1, d2, d5: no deal won, one lost after 1.5 days.
    expect(olga).toMatchObject({
      won: 0,
      lost: 1,
      winRate: 0,
      revenue: 0,
      averageDaysToClose: 1.5,
    });
    expect(olga.stages).toEqual([
      { stage: 'proposal', count: 2, amount: 3000, weightedAmount: 1000 },
    ]);
    expect(east.stages).toEqual([
      { stage: 'proposal', count: 1, amount: 1000, weightedAmount: 500 },
    ]);
    // d1, d3, d6.
    expect(online).toMatchObject({
      won: 1,
      lost: 0,
      winRate: 1,
      revenue: 300,
      averageDaysToClose: 2,
    });
    expect(online.stages.map(({ stage }) => stage)).toEqual(['proposal', 'qualification']);
    expect(crm.stages).toEqual(east.stages);
  });

  it('selects deals opened in [from, to): from inclusive, to exclusive', async () => {
    const view = await queryPipeline(model, { from: day(1), to: day(4) });

    // d2 (day 1), d3, d4; d5 opened on day 4 is out, d1 on day 0 too.
    expect(view).toMatchObject({
      stages: [
        { stage: 'proposal', count: 1, amount: 2000, weightedAmount: 500 },
        { stage: 'qualification', count: 1, amount: 400, weightedAmount: 0 },
      ],
      won: 1,
      lost: 0,
      revenue: 4500,
      averageDaysToClose: 4,
    });
  });

  it('answers an empty cohort with zeros and nulls where a divisor is 0', async () => {
    expect(await queryPipeline(model, { ownerId: 'nobody' })).toEqual({
      stages: [],
      won: 0,
      lost: 0,
      winRate: null,
      revenue: 0,
      averageDaysToClose: null,
      currencies: [],
      position: '12',
    });
  });

  it('keeps only open deals in the stages', async () => {
    const view = await queryPipeline(model, { from: day(3), to: day(6) });

    expect(view.stages).toEqual([]); // d4, d5, d6 are all closed
    expect(view).toMatchObject({ won: 2, lost: 1 });
  });
});
