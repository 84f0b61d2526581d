import type { ReadStore } from '@chronicle/read-store';
import { openTestReadStore } from '../shared/testing/test-read-store';
import type { SlaReadModel } from './query-service-sla';
import { queryServiceSlaAsOf, queryTicketAsOf } from './query-sla-as-of';
import { projectSla } from './testing/sla-read-model';
import { hoursAfterOrigin as hour, ticketHistory } from './testing/ticket-events';

/**
 * Three tickets, in recorded order (hours after the origin are business times):
 * - A high, team blue, opened 0, due 4 h / 24 h (hours 4 and 24): assigned to ann in green at 2,
 *   resolved at 10, reopened at 30; then the first response at 3 is recorded late (a backfill),
 *   and A is resolved again at 40.
 * - B normal, no team, opened 5, due 8 h / 72 h (hours 13 and 77): assigned to bob in blue at 20,
 *   closed at 60 with score 4 (the close is the resolution).
 * - C urgent, opened 50.
 */
function threeTickets(): ReturnType<typeof ticketHistory>['events'] {
  const history = ticketHistory();
  history.opened('A', 0, {
    priority: 'high',
    teamId: 'blue',
    firstResponseHours: 4,
    resolutionHours: 24,
  });
  history.event('TicketAssigned', 'A', 2, { agentId: 'ann', teamId: 'green' });
  history.event('TicketResolved', 'A', 10, { resolution: 'enc:v1:x' });
  history.event('TicketReopened', 'A', 30);
  history.event('TicketResponded', 'A', 3, { agentId: 'ann', firstResponse: true });
  history.event('TicketResolved', 'A', 40, { resolution: 'enc:v1:x' });
  history.opened('B', 5, { priority: 'normal', firstResponseHours: 8, resolutionHours: 72 });
  history.event('TicketAssigned', 'B', 20, { agentId: 'bob', teamId: 'blue' });
  history.event('TicketClosed', 'B', 60, { satisfactionScore: 4, resolvedAtClose: true });
  history.opened('C', 50, { priority: 'urgent', firstResponseHours: 1, resolutionHours: 4 });
  return history.events;
}

const NOTHING_DONE = { medianSeconds: null, p90Seconds: null };

describe('the SLA views as of validAt, worked by hand', () => {
  let readStore: ReadStore;
  let model: SlaReadModel;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    model = await projectSla(readStore, threeTickets());
  });

  afterEach(() => readStore.close());

  it('counts what had happened by hour 24 and judges the rest at hour 24', async () => {
    const view = await queryServiceSlaAsOf(model, {}, hour(24));

    expect(view).toEqual({
      tickets: 2, // C opens at 50
      open: 1, // B; A was resolved at 10 and its reopening at 30 had not happened
      // A answered at 3 (10,800 s, met: due 4), backfilled or not; B not answered and past 13.
      firstResponse: { met: 1, breached: 1, pending: 0, medianSeconds: 10800, p90Seconds: 10800 },
      // A resolved at 10 (36,000 s, met: due 24); B due at 77, still pending.
      resolution: { met: 1, breached: 0, pending: 1, medianSeconds: 36000, p90Seconds: 36000 },
      satisfaction: { responses: 0, average: null }, // B's score comes at 60
      byPriority: [
        {
          priority: 'high',
          tickets: 1,
          open: 0,
          firstResponse: {
            met: 1,
            breached: 0,
            pending: 0,
            medianSeconds: 10800,
            p90Seconds: 10800,
          },
          resolution: { met: 1, breached: 0, pending: 0, medianSeconds: 36000, p90Seconds: 36000 },
          satisfaction: { responses: 0, average: null },
        },
        {
          priority: 'normal',
          tickets: 1,
          open: 1,
          firstResponse: { met: 0, breached: 1, pending: 0, ...NOTHING_DONE },
          resolution: { met: 0, breached: 0, pending: 1, ...NOTHING_DONE },
          satisfaction: { responses: 0, average: null },
        },
      ],
      // B had moved to blue at 20, A to green at 2.
      byTeam: [
        expect.objectContaining({ teamId: 'blue', tickets: 1, open: 1 }) as unknown,
        expect.objectContaining({ teamId: 'green', tickets: 1, open: 0 }) as unknown,
      ],
      position: '10',
    });
  });

  it('reads the team and agent in charge at validAt', async () => {
    // At hour 1 A was still blue's and nobody's; at 24 it was ann's in green.
    const blueAt1 = await queryServiceSlaAsOf(model, { teamId: 'blue' }, hour(1));
    const blueAt24 = await queryServiceSlaAsOf(model, { teamId: 'blue' }, hour(24));
    const annAt1 = await queryServiceSlaAsOf(model, { agentId: 'ann' }, hour(1));
    const annAt24 = await queryServiceSlaAsOf(model, { agentId: 'ann', from: hour(0) }, hour(24));

    expect(blueAt1).toMatchObject({ tickets: 1, byPriority: [{ priority: 'high' }] }); // A
    expect(blueAt24).toMatchObject({ tickets: 1, byPriority: [{ priority: 'normal' }] }); // B
    expect(annAt1.tickets).toBe(0);
    expect(annAt24).toMatchObject({ tickets: 1, byTeam: [{ teamId: 'green' }] });
  });

  it('counts an event that happened exactly at validAt; due exactly then is still pending', async () => {
    // At hour 13 B's first response is due: pending; A's resolution at 10 is in.
    const atDue = await queryServiceSlaAsOf(model, { priority: 'normal' }, hour(13));
    const atResolution = await queryServiceSlaAsOf(model, { priority: 'high' }, hour(10));
    const justBefore = new Date(Date.parse(hour(10)) - 1).toISOString();
    const beforeResolution = await queryServiceSlaAsOf(model, { priority: 'high' }, justBefore);

    expect(atDue.firstResponse).toMatchObject({ met: 0, breached: 0, pending: 1 });
    expect(atResolution).toMatchObject({ open: 0, resolution: { met: 1, pending: 0 } });
    expect(beforeResolution).toMatchObject({ open: 1, resolution: { met: 0, pending: 1 } });
  });

  it('keeps the window by business time of opening, bounded by validAt', async () => {
    const view = await queryServiceSlaAsOf(model, { from: hour(1), to: hour(100) }, hour(55));

    // B (opened 5) and C (opened 50); A opened at 0 is before the window.
    expect(view.byPriority.map(({ priority, tickets }) => ({ priority, tickets }))).toEqual([
      { priority: 'urgent', tickets: 1 },
      { priority: 'normal', tickets: 1 },
    ]);
    // C: first response due 51, resolution due 54, nothing done by 55 → both breached.
    expect(view.byPriority[0]).toMatchObject({
      firstResponse: { breached: 1 },
      resolution: { breached: 1 },
    });
  });

  it('shows one ticket as it stood at validAt, and none before its opening', async () => {
    expect(await queryTicketAsOf(model, 'A', hour(35))).toEqual({
      ticketId: 'A',
      status: 'reopened', // reopened at 30, resolved again only at 40
      priority: 'high',
      assigneeId: 'ann',
      teamId: 'green',
      openedAt: hour(0),
      firstResponse: { dueAt: hour(4), at: hour(3), status: 'met' },
      resolution: { dueAt: hour(24), at: null, status: 'breached' }, // 35 > 24
      satisfactionScore: null,
      position: '10',
    });
    expect(await queryTicketAsOf(model, 'B', hour(60))).toMatchObject({
      status: 'closed',
      resolution: { dueAt: hour(77), at: hour(60), status: 'met' },
      satisfactionScore: 4,
    });
    expect(await queryTicketAsOf(model, 'C', hour(49))).toBeUndefined();
    expect(await queryTicketAsOf(model, 'nobody', hour(49))).toBeUndefined();
  });

  it('refuses, rather than answer nothing, while only a generation without facts serves', async () => {
    const stored = await readStore.get(model.tickets, 'A');
    const { facts: _facts, ...older } = stored!;
    await readStore.applyBatch({
      projection: 'older-generation',
      writes: [{ kind: 'put', collection: model.tickets, document: older }],
      expectedCheckpoint: undefined,
      checkpoint: '1',
    });

    await expect(queryTicketAsOf(model, 'A', hour(24))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });
});
