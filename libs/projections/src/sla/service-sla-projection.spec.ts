import type { ReadStore } from '@chronicle/read-store';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { queryTicket } from './query-ticket';
import { serviceSlaProjection, SLA_TICKETS } from './service-sla-projection';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { hoursAfterOrigin as hour, ticketHistory } from './testing/ticket-events';

describe('serviceSlaProjection', () => {
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = await openTestReadStore();
  });

  afterEach(() => readStore.close());

  it('keeps the first TicketOpened: a second one resets neither due times nor progress', async () => {
    const history = ticketHistory();
    history.opened('T', 0, { priority: 'low', firstResponseHours: 24, resolutionHours: 120 });
    history.event('TicketResponded', 'T', 2, { agentId: 'ann', firstResponse: true });
    history.opened('T', 3, { priority: 'urgent', firstResponseHours: 1, resolutionHours: 4 });
    const projected = await projectEvents(readStore, serviceSlaProjection, history.events);
    const model = { readStore, tickets: projected.collection(SLA_TICKETS), position: '3' };

    expect(await queryTicket(model, 'T', new Date(hour(4)))).toMatchObject({
      priority: 'low',
      openedAt: hour(0),
      firstResponse: { dueAt: hour(24), at: hour(2), status: 'met' },
    });
  });

  it('gives the same documents whether the events come in one batch or several', async () => {
    const history = ticketHistory();
    history.opened('T', 0, {
      priority: 'high',
      teamId: 'blue',
      firstResponseHours: 4,
      resolutionHours: 24,
    });
    history.event('TicketAssigned', 'T', 1, { agentId: 'ann', teamId: 'green' });
    history.event('TicketResolved', 'T', 2, { resolution: 'enc:v1:x' });
    history.event('TicketReopened', 'T', 3);
    history.event('TicketClosed', 'T', 5, { satisfactionScore: 5, resolvedAtClose: true });
    const whole = await projectEvents(readStore, serviceSlaProjection, history.events);
    const other = await openTestReadStore();
    await projectEvents(other, serviceSlaProjection, history.events.slice(0, 2));
    const split = await projectEvents(other, serviceSlaProjection, history.events.slice(2));

    expect(await other.get(split.collection(SLA_TICKETS), 'T')).toEqual(
      await readStore.get(whole.collection(SLA_TICKETS), 'T'),
    );
    await other.close();
  });

  it('writes nothing for SlaBreached, other contexts or tickets it has not seen opened', async () => {
    const { event } = recordedEvents();
    const events = [
      event({ type: 'TicketResponded', at: hour(1), data: { ticketId: 'ghost', agentId: 'ann' } }),
      event({ type: 'SlaBreached', at: hour(2), data: { ticketId: 'ghost', dueAt: hour(1) } }),
      event({ type: 'DealOpened', at: hour(3), data: { dealId: 'd', amount: 1 } }),
    ];
    const projected = await projectEvents(readStore, serviceSlaProjection, events);

    expect(await readStore.count(projected.collection(SLA_TICKETS), {})).toBe(0);
    expect(projected.position).toBe('3'); // moved past every event, ignored or not
  });

  it("keeps each ticket's facts in business-time order without its subject or texts", async () => {
    const history = ticketHistory();
    history.opened('T', 0, { priority: 'high', firstResponseHours: 4, resolutionHours: 24 });
    history.event('TicketResolved', 'T', 5, { resolution: 'enc:v1:x' });
    history.event('TicketResponded', 'T', 2, { agentId: 'ann', message: 'enc:v1:y' });
    const projected = await projectEvents(readStore, serviceSlaProjection, history.events);
    const stored = await readStore.get(projected.collection(SLA_TICKETS), 'T');

    expect(stored?.facts).toEqual([
      {
        type: 'TicketOpened',
        position: '1',
        occurredAt: hour(0),
        data: {
          ticketId: 'T',
          priority: 'high',
          firstResponseDueAt: hour(4),
          resolutionDueAt: hour(24),
        },
      },
      {
        type: 'TicketResponded',
        position: '3',
        occurredAt: hour(2),
        data: { ticketId: 'T', agentId: 'ann' },
      },
      { type: 'TicketResolved', position: '2', occurredAt: hour(5), data: { ticketId: 'T' } },
    ]);
  });
});
