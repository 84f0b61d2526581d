import { ChronicleError } from '@chronicle/platform';
import { foldAsOf } from '../shared/business-time';
import { planEntityScan } from '../shared/entity-scan';
import {
  type ServiceSlaFilters,
  type ServiceSlaView,
  type SlaReadModel,
  slaView,
} from './query-service-sla';
import { type TicketView, toTicketView } from './query-ticket';
import { slaAlgebra, slaContribution } from './sla-summary';
import { evolveTicket, type TicketDocument } from './ticket-document';

/**
 * `validAt` answers of the SLA views: every ticket folded from its facts as of that business
 * moment with the live fold (`evolveTicket`), then judged at that moment. Day summaries hold the
 * live answer only, so these read the tickets of the cohort opened by `validAt`.
 */

/** The ticket as it stood at `validAt` (UTC ISO); undefined when it had not been opened yet. */
export function ticketAsOf(stored: TicketDocument, validAt: string): TicketDocument | undefined {
  if (stored.facts === undefined) {
    // A generation built before the projection kept facts still serves while its successor builds.
    throw new ChronicleError(
      'UNAVAILABLE',
      'The service-sla projection is still rebuilding the ticket histories validAt needs; try again later',
    );
  }
  return foldAsOf(stored.facts, validAt, evolveTicket);
}

/**
 * `GET /views/service-sla?validAt`: the tickets opened in [from, to) and by `validAt`, grouped by
 * the priority at opening and the team in charge at `validAt`, their targets as known and judged
 * at `validAt`; the filters read the ticket as of `validAt` too.
 */
export async function queryServiceSlaAsOf(
  model: SlaReadModel,
  filters: ServiceSlaFilters,
  validAt: string,
): Promise<ServiceSlaView> {
  // The opening is a ticket's first fact and never moves, so the stored openedAt and priority at
  // opening narrow the scan; team and agent change over time and are tested after the fold.
  const openedBy = new Date(Date.parse(validAt) + 1).toISOString();
  const to = filters.to !== undefined && filters.to < openedBy ? filters.to : openedBy;
  const scan = planEntityScan('openedAt', { from: filters.from, to }, [
    ['openingPriority', filters.priority],
  ]);
  const summary = slaAlgebra.empty();
  for (const document of await model.readStore.find(model.tickets, scan.query)) {
    const ticket = ticketAsOf(document as TicketDocument, validAt);
    if (ticket && inCohort(ticket, filters)) slaAlgebra.add(summary, slaContribution(ticket), 1);
  }
  return slaView(summary, new Date(validAt), model.position);
}

function inCohort(ticket: TicketDocument, filters: ServiceSlaFilters): boolean {
  const { from, to, priority, teamId, agentId } = filters;
  return (
    (from === undefined || ticket.openedAt >= from) &&
    (to === undefined || ticket.openedAt < to) &&
    (priority === undefined || ticket.openingPriority === priority) &&
    (teamId === undefined || ticket.teamId === teamId) &&
    (agentId === undefined || ticket.assigneeId === agentId)
  );
}

/**
 * `GET /views/tickets/{ticketId}?validAt`: the ticket as it stood at `validAt`, its targets
 * judged then; undefined for a ticket unknown or not yet opened at `validAt`.
 */
export async function queryTicketAsOf(
  model: SlaReadModel,
  ticketId: string,
  validAt: string,
): Promise<TicketView | undefined> {
  const stored = await model.readStore.get(model.tickets, ticketId);
  const ticket = stored && ticketAsOf(stored as TicketDocument, validAt);
  return ticket && toTicketView(ticket, new Date(validAt), model.position);
}
