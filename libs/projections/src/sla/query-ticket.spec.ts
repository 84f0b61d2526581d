import type { ReadStore } from '@chronicle/read-store';
import { queryTicket } from './query-ticket';
import { projectSla } from './testing/sla-read-model';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { hoursAfterOrigin as hour, ticketHistory } from './testing/ticket-events';

const NOW = new Date(hour(48));

describe('queryTicket', () => {
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = await openTestReadStore();
  });

  afterEach(() => readStore.close());

  it('shows a closed ticket with both targets met and its satisfaction score', async () => {
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
    const model = await projectSla(readStore, history.events);

    expect(await queryTicket(model, 'A', NOW)).toEqual({
      ticketId: 'A',
      status: 'closed',
      priority: 'urgent',
      assigneeId: 'ann',
      teamId: 'blue',
      openedAt: hour(0),
      firstResponse: { dueAt: hour(1), at: hour(0.5), status: 'met' },
      // Resolved at hour 3; the close at hour 5 does not move the resolution.
      resolution: { dueAt: hour(4), at: hour(3), status: 'met' },
      satisfactionScore: 4,
      position: '5',
    });
  });

  it('judges an untouched ticket against now, ignoring SlaBreached', async () => {
    const history = ticketHistory();
    history.opened('C', 2, { priority: 'normal', firstResponseHours: 8, resolutionHours: 72 });
    history.event('SlaBreached', 'C', 10.5, { target: 'first_response', dueAt: hour(10) });
    const model = await projectSla(readStore, history.events);

    expect(await queryTicket(model, 'C', NOW)).toEqual({
      ticketId: 'C',
      status: 'open',
      priority: 'normal',
      assigneeId: null,
      teamId: null,
      openedAt: hour(2),
      firstResponse: { dueAt: hour(10), at: null, status: 'breached' }, // hour 48 > 10
      resolution: { dueAt: hour(74), at: null, status: 'pending' }, // hour 48 ≤ 74
      satisfactionScore: null,
      position: '2',
    });
  });

  it('shows the current priority and takes an unresolved close as the resolution', async () => {
    const history = ticketHistory();
    history.opened('D', 3, {
      priority: 'normal',
      teamId: 'red',
      firstResponseHours: 8,
      resolutionHours: 72,
    });
    history.event('TicketPriorityChanged', 'D', 5, {
      priority: 'urgent',
      previousPriority: 'normal',
    });
    history.event('TicketResolved', 'D', 23, { resolution: 'enc:v1:x' });
    history.event('TicketReopened', 'D', 24);
    history.event('TicketClosed', 'D', 100, { resolvedAtClose: true });
    const model = await projectSla(readStore, history.events);

    expect(await queryTicket(model, 'D', NOW)).toMatchObject({
      status: 'closed',
      priority: 'urgent',
      // Due times stay those fixed at opening for "normal": hours 11 and 75.
      firstResponse: { dueAt: hour(11), at: null, status: 'breached' },
      // The resolution at hour 23 was reopened; the close at hour 100 is after hour 75.
      resolution: { dueAt: hour(75), at: hour(100), status: 'breached' },
      satisfactionScore: null,
    });
  });

  it('shows a reopened ticket as open again with its resolution pending', async () => {
    const history = ticketHistory();
    history.opened('B', 1, { priority: 'high', firstResponseHours: 4, resolutionHours: 24 });
    history.event('TicketResolved', 'B', 11, { resolution: 'enc:v1:x' });
    history.event('TicketReopened', 'B', 13);
    const model = await projectSla(readStore, history.events);

    expect(await queryTicket(model, 'B', new Date(hour(20)))).toMatchObject({
      status: 'reopened',
      resolution: { dueAt: hour(25), at: null, status: 'pending' }, // hour 20 ≤ 25
    });
  });

  it('answers undefined for a ticket it has not seen opened', async () => {
    const history = ticketHistory();
    history.event('TicketAssigned', 'ghost', 1, { agentId: 'ann' });
    const model = await projectSla(readStore, history.events);

    expect(await queryTicket(model, 'ghost', NOW)).toBeUndefined();
  });
});
