import type { TicketStatus } from '@chronicle/domain';
import type { SlaReadModel } from './query-service-sla';
import { slaTargetStatus, type SlaTargetStatus } from './sla-target-status';
import type { TicketDocument } from './ticket-document';

/** One SLA target of one ticket: when it is due, when it was done, and where it stands now. */
export interface TicketSlaTarget {
  dueAt: string;
  at: string | null;
  status: SlaTargetStatus;
}

/** The answer of `GET /views/tickets/{ticketId}` (docs/views-*.md). */
export interface TicketView {
  ticketId: string;
  status: TicketStatus;
  /** The current priority (the due times stay those of the priority at opening). */
  priority: string;
  assigneeId: string | null;
  teamId: string | null;
  openedAt: string;
  firstResponse: TicketSlaTarget;
  resolution: TicketSlaTarget;
  satisfactionScore: number | null;
  position: string;
}

/**
 * `GET /views/tickets/{ticketId}`: one ticket with its SLA targets judged against `now` (inject
 * it from a clock). Undefined for a ticket the projection has not seen opened.
 */
export async function queryTicket(
  model: SlaReadModel,
  ticketId: string,
  now: Date,
): Promise<TicketView | undefined> {
  const document = await model.readStore.get(model.tickets, ticketId);
  return document && toTicketView(document as TicketDocument, now, model.position);
}

/** The view of a folded ticket, its SLA targets judged against `now`. */
export function toTicketView(ticket: TicketDocument, now: Date, position: string): TicketView {
  const target = (dueAt: string, at: string | null): TicketSlaTarget => ({
    dueAt,
    at,
    status: slaTargetStatus(dueAt, at, now),
  });
  return {
    ticketId: ticket.ticketId,
    status: ticket.status,
    priority: ticket.priority,
    assigneeId: ticket.assigneeId,
    teamId: ticket.teamId,
    openedAt: ticket.openedAt,
    firstResponse: target(ticket.firstResponseDueAt, ticket.firstResponseAt),
    resolution: target(ticket.resolutionDueAt, ticket.resolvedAt),
    satisfactionScore: ticket.satisfactionScore,
    position,
  };
}
