import { notFound, ruleViolated } from '../shared/decider';
import { type ExistingTicket, type TicketState } from './ticket-state';

/** The ticket a command acts on: unknown -> NOT_FOUND, closed -> refused (closed is final). */
export function requireOpenTicket(state: TicketState, ticketId: string): ExistingTicket {
  if (state.status === 'none') notFound(`Ticket ${ticketId} does not exist`);
  if (state.status === 'closed')
    ruleViolated(`Ticket ${ticketId} is closed; a closed ticket is final`);
  return state;
}

export function ticketRef(ticket: ExistingTicket): { ticketId: string; contactId: string } {
  return { ticketId: ticket.opened.ticketId, contactId: ticket.opened.contactId };
}
