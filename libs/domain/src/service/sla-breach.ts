import { type SlaTarget, type TicketEvent } from './ticket-events';
import { type TicketState } from './ticket-state';

/**
 * What an SLA timer firing at `now` appends to the ticket's stream: one SlaBreached when the target
 * is past due and was not met by its due time, else nothing (met in time, not yet due, already
 * reported, closed or unknown ticket). The timer appends it; no catalog command does.
 */
export function decideSlaBreach(state: TicketState, target: SlaTarget, now: string): TicketEvent[] {
  if (state.status === 'none' || state.status === 'closed') return [];
  if (state.breached.includes(target)) return [];
  const { ticketId, contactId, firstResponseDueAt, resolutionDueAt } = state.opened;
  const dueAt = target === 'first_response' ? firstResponseDueAt : resolutionDueAt;
  const doneAt = target === 'first_response' ? state.firstRespondedAt : state.resolvedAt;
  const dueMs = Date.parse(dueAt);
  if (Date.parse(now) < dueMs) return [];
  if (doneAt !== undefined && Date.parse(doneAt) <= dueMs) return [];
  return [{ type: 'SlaBreached', data: { ticketId, contactId, target, dueAt } }];
}
