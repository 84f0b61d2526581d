import type { ReadStore } from '@chronicle/read-store';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { PIPELINE_DEALS, pipelineProjection } from './pipeline-projection';
import { dealHistory, daysAfterOrigin as day } from './testing/deal-events';
import { openTestReadStore } from '../shared/testing/test-read-store';

describe('pipelineProjection', () => {
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = await openTestReadStore();
  });

  afterEach(() => readStore.close());

  it('keeps the deal as won once won: later events and a second DealOpened change nothing', async () => {
    const history = dealHistory();
    const opening = {
      name: 'n',
      amount: 100,
      currency: 'EUR',
      stage: 'demo',
      channel: 'online',
      ownerId: 'olga',
    };
    history.event('DealOpened', 'd', 0, opening);
    history.event('DealStageAdvanced', 'd', 1, { stage: 'proposal', previousStage: 'demo' });
    history.event('DealWon', 'd', 3, { amount: 120, currency: 'EUR', previousAmount: 100 });
    history.event('DealLost', 'd', 4, {});
    history.event('DealOpened', 'd', 5, { ...opening, amount: 999 });
    const projected = await projectEvents(readStore, pipelineProjection, history.events);

    expect(await readStore.get(projected.collection(PIPELINE_DEALS), 'd')).toEqual({
      _id: 'd',
      dealId: 'd',
      status: 'won',
      openedAt: day(0),
      ownerId: 'olga',
      teamId: null,
      channel: 'online',
      product: null,
      currency: 'EUR',
      stage: 'proposal',
      probability: null, // never given
      amount: 120,
      openAmount: 100, // the amount the win replaced
      expectedCloseMonth: null, // never given
      closedAt: day(3),
      secondsToClose: 259_200, // 3 days
    });
  });

  it('keeps the last probability given when a stage change names none', async () => {
    const history = dealHistory();
    history.event('DealOpened', 'd', 0, {
      name: 'n',
      amount: 100,
      currency: 'EUR',
      stage: 'demo',
      probability: 0.3,
      channel: 'online',
      ownerId: 'olga',
    });
    history.event('DealStageAdvanced', 'd', 1, { stage: 'proposal', previousStage: 'demo' });
    const projected = await projectEvents(readStore, pipelineProjection, history.events);

    expect(await readStore.get(projected.collection(PIPELINE_DEALS), 'd')).toMatchObject({
      stage: 'proposal',
      probability: 0.3,
    });
  });

  it('writes nothing for other contexts or for deals it has not seen opened', async () => {
    const { event } = recordedEvents();
    const events = [
      event({ type: 'DealWon', at: day(1), data: { dealId: 'ghost', amount: 5 } }),
      event({ type: 'TicketOpened', at: day(2), data: { ticketId: 't', priority: 'low' } }),
    ];
    const projected = await projectEvents(readStore, pipelineProjection, events);

    expect(await readStore.count(projected.collection(PIPELINE_DEALS), {})).toBe(0);
    expect(projected.position).toBe('2');
  });
});
