import type { ReadStore } from '@chronicle/read-store';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { queryPipeline, type PipelineReadModel } from './query-pipeline';
import { daysAfterOrigin as day, dealHistory } from './testing/deal-events';
import { projectPipeline } from './testing/pipeline-read-model';
import { sixDeals } from './testing/six-deals';

const none = { count: 0, amount: 0, weightedAmount: 0 };

// The six deals of testing/six-deals.ts: only d1 (east) and d3 (west) have a team, only d1 a
// product; d4's win at 4500 replaced its 5000.
describe('queryPipeline with groupBy', () => {
  let readStore: ReadStore;
  let model: PipelineReadModel;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    model = await projectPipeline(readStore, sixDeals());
  });

  afterEach(() => readStore.close());

  it('breaks the cohort down by team, deals without one in a null group', async () => {
    const view = await queryPipeline(model, {}, 'team');

    expect(view.groups).toEqual([
      {
        // d2 open (2000 at 0.25); d4 won 4500 after 4 days, d6 won 300 after 2; d5 lost after 1.5.
        key: null,
        open: { count: 1, amount: 2000, weightedAmount: 500 },
        won: 2,
        lost: 1,
        winRate: 2 / 3,
        revenue: 4800,
        averageDaysToClose: 2.5,
      },
      // Equal revenue (0): by key.
      {
        key: 'east',
        open: { count: 1, amount: 1000, weightedAmount: 500 },
        won: 0,
        lost: 0,
        winRate: null,
        revenue: 0,
        averageDaysToClose: null,
      },
      {
        key: 'west',
        open: { count: 1, amount: 400, weightedAmount: 0 },
        won: 0,
        lost: 0,
        winRate: null,
        revenue: 0,
        averageDaysToClose: null,
      },
    ]);
    // The totals are those of the view without groupBy, and `position` stays last.
    const { groups, ...totals } = view;
    expect(totals).toEqual(await queryPipeline(model, {}));
    expect(Object.keys(view).at(-1)).toBe('position');
    expect(groups).toHaveLength(3);
  });

  it('breaks it down by owner, channel and product, highest revenue first', async () => {
    const keys = async (groupBy: 'owner' | 'channel' | 'product') =>
      (await queryPipeline(model, {}, groupBy)).groups!.map(({ key, revenue }) => [key, revenue]);

    expect(await keys('owner')).toEqual([
      ['pete', 4800], // d4 4500 (the won amount, not the 5000 it opened with) + d6 300
      ['olga', 0],
    ]);
    expect(await keys('channel')).toEqual([
      ['partner', 4500],
      ['online', 300],
      ['offline', 0],
    ]);
    expect(await keys('product')).toEqual([
      [null, 4800],
      ['crm', 0],
    ]);
    const [pete, olga] = (await queryPipeline(model, {}, 'owner')).groups!;
    expect(pete).toMatchObject({
      open: { count: 1, amount: 400, weightedAmount: 0 }, // d3
      won: 2,
      lost: 0,
      winRate: 1,
      averageDaysToClose: 3, // (4 + 2) / 2
    });
    expect(olga).toMatchObject({
      open: { count: 2, amount: 3000, weightedAmount: 1000 }, // d1, d2
      won: 0,
      lost: 1,
      winRate: 0,
      averageDaysToClose: 1.5,
    });
  });

  it('keeps to the window and the filters', async () => {
    // d2 (olga), d3 and d4 (pete) opened in [day 1, day 4).
    const window = await queryPipeline(model, { from: day(1), to: day(4) }, 'owner');
    expect(window.groups).toEqual([
      {
        key: 'pete',
        open: { count: 1, amount: 400, weightedAmount: 0 },
        won: 1,
        lost: 0,
        winRate: 1,
        revenue: 4500,
        averageDaysToClose: 4,
      },
      {
        key: 'olga',
        open: { count: 1, amount: 2000, weightedAmount: 500 },
        won: 0,
        lost: 0,
        winRate: null,
        revenue: 0,
        averageDaysToClose: null,
      },
    ]);
    // Olga's deals by channel: d1 online, d2 open and d5 lost offline.
    const olga = await queryPipeline(model, { ownerId: 'olga' }, 'channel');
    expect(olga.groups!.map(({ key, open, lost }) => ({ key, open, lost }))).toEqual([
      { key: 'offline', open: { count: 1, amount: 2000, weightedAmount: 500 }, lost: 1 },
      { key: 'online', open: { count: 1, amount: 1000, weightedAmount: 500 }, lost: 0 },
    ]);
  });

  it('answers no groups for an empty cohort', async () => {
    expect((await queryPipeline(model, { ownerId: 'nobody' }, 'team')).groups).toEqual([]);
    expect((await queryPipeline(model, { from: day(100) }, 'team')).groups).toEqual([]);
  });

  it('reads whole months from the month summaries and the edges from the deals', async () => {
    await readStore.dropByPrefix('pipeline.');
    const history = dealHistory();
    const deal = { name: 'x', currency: 'EUR', stage: 'new', channel: 'online' };
    // 2024-03-04 + 30 days is 2024-04-03, + 60 is 2024-05-03: three months, two of them partial.
    history.event('DealOpened', 'a', 0, { ...deal, amount: 10, ownerId: 'ann', teamId: 't' });
    history.event('DealOpened', 'b', 30, { ...deal, amount: 20, ownerId: 'bob' });
    history.event('DealOpened', 'c', 60, { ...deal, amount: 40, ownerId: 'ann' });
    history.event('DealWon', 'b', 61, { amount: 25, currency: 'EUR', previousAmount: 20 });
    model = await projectPipeline(readStore, history.events);

    const ann = { won: 0, lost: 0, winRate: null, revenue: 0, averageDaysToClose: null };
    expect((await queryPipeline(model, { from: day(-1), to: day(70) }, 'owner')).groups).toEqual([
      { key: 'bob', open: none, won: 1, lost: 0, winRate: 1, revenue: 25, averageDaysToClose: 31 },
      { key: 'ann', open: { count: 2, amount: 50, weightedAmount: 0 }, ...ann },
    ]);
    // From day 1: b (won) and c (open), neither with a team; a is out.
    expect((await queryPipeline(model, { from: day(1) }, 'team')).groups).toEqual([
      {
        key: null,
        open: { count: 1, amount: 40, weightedAmount: 0 },
        won: 1,
        lost: 0,
        winRate: 1,
        revenue: 25,
        averageDaysToClose: 31,
      },
    ]);
  });
});
