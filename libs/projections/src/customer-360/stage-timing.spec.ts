import { recordedEvents } from '../shared/testing/recorded-event';
import type { Customer360State } from './customer-360-state';
import { evolveCustomer360 } from './evolve-customer-360';
import { stageTimings } from './stage-timing';

const DAY = 86400;
const NOW = new Date('2025-03-01T00:00:00Z');
const on = (day: string): string => `2025-${day}T00:00:00.000Z`;

describe('stage timing of the customer 360', () => {
  function stateAfter(changes: Array<{ to: string; at: string }>): Customer360State {
    const { event } = recordedEvents();
    const registered = event({
      type: 'ContactRegistered',
      at: on('01-01'),
      data: { contactId: 'P', lifecycleStage: 'subscriber' },
    });
    const stageEvents = changes.map(({ to, at }) =>
      event({ type: 'LifecycleStageChanged', at, data: { contactId: 'P', to } }),
    );
    return [registered, ...stageEvents].reduce(evolveCustomer360, undefined)!;
  }
  function timingsOf(
    changes: Array<{ to: string; at: string }>,
    now = NOW,
  ): ReturnType<typeof stageTimings> {
    return stageTimings(stateAfter(changes).stageChanges, now);
  }

  it('lists only the stages the contact has been in, skipped ones absent', () => {
    const stages = timingsOf([{ to: 'customer', at: on('01-11') }]);
    expect(stages).toEqual({
      subscriber: {
        firstEnteredAt: on('01-01'),
        lastEnteredAt: on('01-01'),
        lastExitedAt: on('01-11'),
        cumulativeSeconds: 10 * DAY,
      },
      // Jan 11 to Mar 1 is 21 + 28 = 49 days: the open stay counts up to NOW.
      customer: {
        firstEnteredAt: on('01-11'),
        lastEnteredAt: on('01-11'),
        lastExitedAt: null,
        cumulativeSeconds: 49 * DAY,
      },
    });
  });

  it('adds up every stay of a stage entered again, and keeps its first and last entry', () => {
    const stages = timingsOf([
      { to: 'lead', at: on('01-03') }, // subscriber 2 days
      { to: 'opportunity', at: on('01-10') }, // lead 7 days
      { to: 'lead', at: on('01-13') }, // opportunity 3 days
      { to: 'customer', at: on('01-14') }, // lead 1 more day
    ]);
    expect(stages.lead).toEqual({
      firstEnteredAt: on('01-03'),
      lastEnteredAt: on('01-13'),
      lastExitedAt: on('01-14'),
      cumulativeSeconds: 8 * DAY,
    });
    expect(stages.opportunity?.cumulativeSeconds).toBe(3 * DAY);
    expect(stages.customer?.lastExitedAt).toBeNull();
  });

  it('answers as if a backfilled earlier stage change had arrived in business-time order', () => {
    // The move to lead on Jan 5 is imported after the move to customer on Jan 20 was recorded.
    const backfilled = timingsOf([
      { to: 'customer', at: on('01-20') },
      { to: 'lead', at: on('01-05') },
    ]);
    const inOrder = timingsOf([
      { to: 'lead', at: on('01-05') },
      { to: 'customer', at: on('01-20') },
    ]);
    expect(backfilled).toEqual(inOrder);
    expect(backfilled).toEqual({
      subscriber: {
        firstEnteredAt: on('01-01'),
        lastEnteredAt: on('01-01'),
        lastExitedAt: on('01-05'),
        cumulativeSeconds: 4 * DAY,
      },
      lead: {
        firstEnteredAt: on('01-05'),
        lastEnteredAt: on('01-05'),
        lastExitedAt: on('01-20'),
        cumulativeSeconds: 15 * DAY,
      },
      customer: {
        firstEnteredAt: on('01-20'),
        lastEnteredAt: on('01-20'),
        lastExitedAt: null,
        cumulativeSeconds: 40 * DAY,
      },
    });
  });

  it('keeps the stage of the latest change by business time as the current one', () => {
    const changes = [
      { to: 'customer', at: on('01-20') },
      { to: 'lead', at: on('01-05') },
    ];
    expect(stateAfter(changes).lifecycleStage).toBe('customer');
  });

  it('orders changes of the same business time by position, and a repeated stage is no re-entry', () => {
    const stages = timingsOf([
      { to: 'lead', at: on('01-02') },
      { to: 'customer', at: on('01-02') }, // recorded later: the contact ends in customer
      { to: 'customer', at: on('01-09') }, // already there: the stay goes on
    ]);
    expect(stages.lead).toMatchObject({ lastExitedAt: on('01-02'), cumulativeSeconds: 0 });
    expect(stages.customer).toEqual({
      firstEnteredAt: on('01-02'),
      lastEnteredAt: on('01-02'),
      lastExitedAt: null,
      cumulativeSeconds: 58 * DAY,
    });
  });

  it('counts a stay entered after now as zero seconds, never negative', () => {
    const stages = timingsOf([{ to: 'lead', at: on('01-10') }], new Date(on('01-05')));
    expect(stages.lead?.cumulativeSeconds).toBe(0);
    expect(stages.subscriber?.cumulativeSeconds).toBe(9 * DAY);
  });
});
