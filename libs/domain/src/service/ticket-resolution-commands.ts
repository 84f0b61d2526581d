import { defineCommand, onStream, ruleViolated } from '../shared/decider';
import { ticketStreamId } from '../shared/stream-ids';
import { type CloseTicket, type ReopenTicket, type ResolveTicket } from './ticket-events';
import { requireOpenTicket, ticketRef } from './ticket-guards';
import { type TicketState } from './ticket-state';

/** A ticket can be resolved without any response. */
export const resolveTicket = defineCommand<ResolveTicket, TicketState>({
  commandType: 'ResolveTicket',
  streamId: (payload) => ticketStreamId(payload.ticketId),
  decide(payload, state) {
    const ticket = requireOpenTicket(state, payload.ticketId);
    if (ticket.status === 'resolved')
      ruleViolated(`Ticket ${payload.ticketId} is already resolved`);
    return onStream(ticketStreamId(payload.ticketId), [
      { type: 'TicketResolved', data: { ...ticketRef(ticket), resolution: payload.resolution } },
    ]);
  },
});

export const reopenTicket = defineCommand<ReopenTicket, TicketState>({
  commandType: 'ReopenTicket',
  streamId: (payload) => ticketStreamId(payload.ticketId),
  decide(payload, state) {
    const ticket = requireOpenTicket(state, payload.ticketId);
    if (ticket.status !== 'resolved') {
      ruleViolated(
        `Ticket ${payload.ticketId} is ${ticket.status}; only a resolved ticket can be reopened`,
      );
    }
    const { reason } = payload;
    return onStream(ticketStreamId(payload.ticketId), [
      {
        type: 'TicketReopened',
        data: { ...ticketRef(ticket), ...(reason !== undefined && { reason }) },
      },
    ]);
  },
});

/** Closing an unresolved ticket counts as its resolution at the close time (resolvedAtClose). */
export const closeTicket = defineCommand<CloseTicket, TicketState>({
  commandType: 'CloseTicket',
  streamId: (payload) => ticketStreamId(payload.ticketId),
  decide(payload, state) {
    const ticket = requireOpenTicket(state, payload.ticketId);
    const { satisfactionScore, comment } = payload;
    return onStream(ticketStreamId(payload.ticketId), [
      {
        type: 'TicketClosed',
        data: {
          ...ticketRef(ticket),
          ...(satisfactionScore !== undefined && { satisfactionScore }),
          ...(comment !== undefined && { comment }),
          resolvedAtClose: ticket.status !== 'resolved',
        },
      },
    ]);
  },
});
