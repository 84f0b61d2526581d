import type { ReadStore } from '@chronicle/read-store';
import { queryServiceSla, type SlaReadModel } from './query-service-sla';
import type { SlaFigures } from './sla-figures';
import { projectSla } from './testing/sla-read-model';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { hoursAfterOrigin, ticketHistory } from './testing/ticket-events';

/**
 * Four tickets (hours after the origin; durations in seconds from opening):
 * - A urgent, team blue, opened 0, due 1 h / 4 h: responded +0.5 h (1800 s, met), resolved +3 h
 *   (10800 s, met), closed +5 h with score 4.
 * - B high, team blue, opened 1, due 4 h / 24 h: responded +5 h (18000 s, breached), resolved
 *   +10 h, reopened +12 h, resolved +30 h (108000 s > 86400, breached). Resolved, not open.
 * - C normal, no team, opened 2, due 8 h / 72 h: nothing done. At now = 48 the first response
 *   (due hour 10) is breached, the resolution (due hour 74) pending. Open. An SlaBreached for it
 *   changes nothing.
 * - D normal, team red then reassigned to green, opened 3, due 8 h / 72 h: responded +1 h
 *   (3600 s, met), priority raised to urgent (it stays "normal at opening"), resolved +20 h,
 *   reopened +21 h, closed unresolved +25 h (90000 s, met) with score 2.
 */
function fourTickets(): ReturnType<typeof ticketHistory>['events'] {
  const history = ticketHistory();
  history.opened('A', 0, {
    priority: 'urgent',
    teamId: 'blue',
    firstResponseHours: 1,
    resolutionHours: 4,
  });
  history.event('TicketAssigned', 'A', 0.5, { agentId: 'ann' });
  history.event('TicketResponded', 'A', 0.5, { agentId: 'ann', firstResponse: true });
  history.event('TicketResolved', 'A', 3, { resolution: 'enc:v1:x' });
  history.event('TicketClosed', 'A', 5, { satisfactionScore: 4, resolvedAtClose: false });
  history.opened('B', 1, {
    priority: 'high',
    teamId: 'blue',
    firstResponseHours: 4,
    resolutionHours: 24,
  });
  history.event('TicketAssigned', 'B', 1.5, { agentId: 'bob' });
  history.event('TicketResponded', 'B', 6, { agentId: 'bob', firstResponse: true });
  history.event('TicketResolved', 'B', 11, { resolution: 'enc:v1:x' });
  history.event('TicketReopened', 'B', 13);
  history.event('TicketResponded', 'B', 14, { agentId: 'bob', firstResponse: false });
  history.event('TicketResolved', 'B', 31, { resolution: 'enc:v1:x' });
  history.opened('C', 2, { priority: 'normal', firstResponseHours: 8, resolutionHours: 72 });
  history.event('SlaBreached', 'C', 10.5, {
    target: 'first_response',
    dueAt: hoursAfterOrigin(10),
  });
  history.opened('D', 3, {
    priority: 'normal',
    teamId: 'red',
    firstResponseHours: 8,
    resolutionHours: 72,
  });
  history.event('TicketAssigned', 'D', 4, { agentId: 'cat' });
  history.event('TicketResponded', 'D', 4, { agentId: 'cat', firstResponse: true });
  history.event('TicketPriorityChanged', 'D', 5, {
    priority: 'urgent',
    previousPriority: 'normal',
  });
  history.event('TicketAssigned', 'D', 6, {
    agentId: 'dan',
    teamId: 'green',
    previousAgentId: 'cat',
  });
  history.event('TicketResolved', 'D', 23, { resolution: 'enc:v1:x' });
  history.event('TicketReopened', 'D', 24);
  history.event('TicketClosed', 'D', 28, { satisfactionScore: 2, resolvedAtClose: true });
  // Out of interest: a ticket event for a ticket never opened here.
  history.event('TicketAssigned', 'ghost', 7, { agentId: 'ann' });
  return history.events;
}

const NOW = new Date(hoursAfterOrigin(48));

const NO_TICKETS: Omit<SlaFigures, 'tickets'> = {
  open: 0,
  firstResponse: { met: 0, breached: 0, pending: 0, medianSeconds: null, p90Seconds: null },
  resolution: { met: 0, breached: 0, pending: 0, medianSeconds: null, p90Seconds: null },
  satisfaction: { responses: 0, average: null },
};

describe('queryServiceSla', () => {
  let readStore: ReadStore;
  let model: SlaReadModel;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    model = await projectSla(readStore, fourTickets());
  });

  afterEach(() => readStore.close());

  it('counts met, breached and pending targets with nearest-rank durations over done targets', async () => {
    const view = await queryServiceSla(model, {}, NOW);

    expect(view).toMatchObject({
      tickets: 4,
      open: 1, // C alone: A and D are closed, B resolved
      // Done first responses 1800 (A), 3600 (D), 18000 (B): median rank ⌈0.5·3⌉ = 2 → 3600,
      // p90 rank ⌈0.9·3⌉ = 3 → 18000. C is not done and past due: breached.
      firstResponse: { met: 2, breached: 2, pending: 0, medianSeconds: 3600, p90Seconds: 18000 },
      // Done resolutions 10800 (A), 90000 (D), 108000 (B); C pending.
      resolution: { met: 2, breached: 1, pending: 1, medianSeconds: 90000, p90Seconds: 108000 },
      satisfaction: { responses: 2, average: 3 }, // (4 + 2) / 2
      position: '23', // 23 events, the ghost's last
    });
  });

  it('groups by priority at opening, most urgent first', async () => {
    const { byPriority } = await queryServiceSla(model, {}, NOW);

    expect(byPriority).toEqual([
      {
        priority: 'urgent', // A only: D was raised to urgent after opening
        tickets: 1,
        open: 0,
        firstResponse: { met: 1, breached: 0, pending: 0, medianSeconds: 1800, p90Seconds: 1800 },
        resolution: { met: 1, breached: 0, pending: 0, medianSeconds: 10800, p90Seconds: 10800 },
        satisfaction: { responses: 1, average: 4 },
      },
      {
        priority: 'high',
        tickets: 1,
        open: 0,
        firstResponse: { met: 0, breached: 1, pending: 0, medianSeconds: 18000, p90Seconds: 18000 },
        resolution: { met: 0, breached: 1, pending: 0, medianSeconds: 108000, p90Seconds: 108000 },
        satisfaction: { responses: 0, average: null },
      },
      {
        priority: 'normal', // C and D; only D's targets are done
        tickets: 2,
        open: 1,
        firstResponse: { met: 1, breached: 1, pending: 0, medianSeconds: 3600, p90Seconds: 3600 },
        resolution: { met: 1, breached: 0, pending: 1, medianSeconds: 90000, p90Seconds: 90000 },
        satisfaction: { responses: 1, average: 2 },
      },
    ]);
  });

  it('groups by the current team, tickets without one last', async () => {
    const { byTeam } = await queryServiceSla(model, {}, NOW);

    expect(byTeam.map(({ teamId, tickets }) => ({ teamId, tickets }))).toEqual([
      { teamId: 'blue', tickets: 2 },
      { teamId: 'green', tickets: 1 }, // D, reassigned from red
      { teamId: null, tickets: 1 },
    ]);
    // Blue: first responses 1800, 18000 → median rank 1 → 1800, p90 rank ⌈1.8⌉ = 2 → 18000.
    expect(byTeam[0]?.firstResponse).toEqual({
      met: 1,
      breached: 1,
      pending: 0,
      medianSeconds: 1800,
      p90Seconds: 18000,
    });
  });

  it('filters by priority at opening, current team and current assignee', async () => {
    const normal = await queryServiceSla(model, { priority: 'normal' }, NOW);
    const red = await queryServiceSla(model, { teamId: 'red' }, NOW);
    const dan = await queryServiceSla(model, { agentId: 'dan' }, NOW);
    const cat = await queryServiceSla(model, { agentId: 'cat' }, NOW);

    expect(normal.tickets).toBe(2); // C and D
    expect(red.tickets).toBe(0); // D moved to green
    expect(dan.byPriority.map(({ priority }) => priority)).toEqual(['normal']); // D
    expect(cat.tickets).toBe(0); // cat answered D but no longer holds it
  });

  it('selects tickets opened in [from, to): from inclusive, to exclusive', async () => {
    const view = await queryServiceSla(
      model,
      { from: hoursAfterOrigin(1), to: hoursAfterOrigin(3) },
      NOW,
    );

    expect(view.tickets).toBe(2); // B at hour 1 and C at hour 2; D at hour 3 is out
    expect(view.byPriority.map(({ priority }) => priority)).toEqual(['high', 'normal']);
  });

  it('judges unfinished targets against the given now: due exactly now is still pending', async () => {
    // C's first response is due at hour 10.
    const atDue = await queryServiceSla(
      model,
      { priority: 'normal' },
      new Date(hoursAfterOrigin(10)),
    );
    const justAfter = new Date(Date.parse(hoursAfterOrigin(10)) + 1);
    const pastDue = await queryServiceSla(model, { priority: 'normal' }, justAfter);

    expect(atDue.firstResponse).toMatchObject({ met: 1, breached: 0, pending: 1 });
    expect(pastDue.firstResponse).toMatchObject({ met: 1, breached: 1, pending: 0 });
  });

  it('answers an empty cohort with zeros, nulls where there is nothing to divide, and no groups', async () => {
    const view = await queryServiceSla(model, { from: hoursAfterOrigin(100) }, NOW);

    expect(view).toEqual({
      tickets: 0,
      ...NO_TICKETS,
      byPriority: [],
      byTeam: [],
      position: '23',
    });
  });
});
