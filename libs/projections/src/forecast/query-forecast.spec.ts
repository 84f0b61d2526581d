import type { JsonObject, RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { daysAfterOrigin as day, dealHistory } from '../pipeline/testing/deal-events';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { type ForecastReadModel, queryForecast } from './query-forecast';
import { projectForecast } from './testing/forecast-read-model';

const won = (amount: number, previousAmount: number): JsonObject => ({
  amount,
  currency: 'EUR',
  previousAmount,
});

/**
 * Nine deals, in days after 2024-03-04T09:00Z; the forecast is asked on day 40 (2024-04-13):
 * - f1 day 0, ann/east, 1000 at 0.5, closing 2024-04-15 — open.
 * - f2 day 1, ann without a team, 2000 without probability, closing 2024-04-30; 0.25 on day 2 — open.
 * - f3 day 2, bob/east, 400, no close date — open.
 * - f4 day 3, bob, 5000 at 0.6, closing 2024-03-31; won on day 7 (2024-03-11) at 4500.
 * - f5 day 4, ann, 700 at 0.2, closing 2024-05-10; lost on day 45, after the forecast's day.
 * - f6 day 5, bob, 300, closing 2024-03-20; won on day 50 (2024-04-23) at 350, after it too.
 * - f7 day 6, ann, 800; lost on day 8.
 * - f8 day 20, bob/east, 900, closing 2024-06-01; won on day 35 (2024-04-08) at its amount.
 * - f9 day 45, ann, 100, no close date: opened after the forecast's day.
 */
function nineDeals(): RecordedEvent[] {
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
  history.event('DealStageAdvanced', 'f2', 2, {
    stage: 'negotiation',
    previousStage: 'proposal',
    probability: 0.25,
  });
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
  return history.events;
}

const nothingOpen = { count: 0, amount: 0, weightedAmount: 0 };
const nothingWon = { count: 0, revenue: 0 };

describe('queryForecast', () => {
  let readStore: ReadStore;
  let model: ForecastReadModel;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    model = await projectForecast(readStore, nineDeals());
  });

  afterEach(() => readStore.close());

  it('sets the deals open at its time by close month beside the wins of each month', async () => {
    expect(await queryForecast(model, {}, day(40))).toEqual({
      months: [
        {
          month: '2024-03',
          // f6, open on day 40 and counted at its 300: its win at 350 comes later.
          open: { count: 1, amount: 300, weightedAmount: 0 },
          won: { count: 1, revenue: 4500 }, // f4 at the won amount, not its 5000
        },
        {
          month: '2024-04',
          // f1 1000 × 0.5 + f2 2000 × 0.25.
          open: { count: 2, amount: 3000, weightedAmount: 1000 },
          won: { count: 1, revenue: 900 }, // f8
        },
        // f5, lost on day 45, was open on day 40: 700 × 0.2.
        { month: '2024-05', open: { count: 1, amount: 700, weightedAmount: 140 }, won: nothingWon },
      ],
      noCloseDate: { count: 1, amount: 400, weightedAmount: 0 }, // f3; f9 did not exist yet
      currencies: ['EUR'],
      position: '15',
    });
  });

  it('moves deals as time goes on: a loss removes one, a later win lands in its own month', async () => {
    expect(await queryForecast(model, {}, day(60))).toEqual({
      months: [
        { month: '2024-03', open: nothingOpen, won: { count: 1, revenue: 4500 } },
        {
          month: '2024-04',
          open: { count: 2, amount: 3000, weightedAmount: 1000 },
          won: { count: 2, revenue: 1250 }, // f8 900 + f6 350 (won 2024-04-23)
        },
      ],
      noCloseDate: { count: 2, amount: 500, weightedAmount: 0 }, // f3, f9
      currencies: ['EUR'],
      position: '15',
    });
  });

  it('keeps to the owner, the team and the window of opening', async () => {
    const ann = await queryForecast(model, { ownerId: 'ann' }, day(40));
    expect(ann.months).toEqual([
      { month: '2024-04', open: { count: 2, amount: 3000, weightedAmount: 1000 }, won: nothingWon },
      { month: '2024-05', open: { count: 1, amount: 700, weightedAmount: 140 }, won: nothingWon },
    ]);
    const east = await queryForecast(model, { teamId: 'east' }, day(40));
    expect(east.months).toEqual([
      {
        month: '2024-04',
        open: { count: 1, amount: 1000, weightedAmount: 500 },
        won: { count: 1, revenue: 900 },
      },
    ]);
    expect(east.noCloseDate).toEqual({ count: 1, amount: 400, weightedAmount: 0 });
    // f4 and f5 opened in [day 3, day 5).
    const window = await queryForecast(model, { from: day(3), to: day(5) }, day(40));
    expect(window.months.map(({ month, open, won: w }) => [month, open.count, w.count])).toEqual([
      ['2024-03', 0, 1],
      ['2024-05', 1, 0],
    ]);
  });

  it('counts a deal opened exactly at its time, and nothing before any deal', async () => {
    const f9 = await queryForecast(model, { from: day(45) }, day(45));
    expect(f9.noCloseDate).toEqual({ count: 1, amount: 100, weightedAmount: 0 });
    expect(await queryForecast(model, {}, day(-1))).toEqual({
      months: [],
      noCloseDate: nothingOpen,
      currencies: [],
      position: '15',
    });
  });
});
