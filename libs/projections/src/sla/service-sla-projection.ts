import type { RecordedEvent } from '@chronicle/event-store';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { factOf, withFact } from '../shared/business-time';
import { DAY_SUMMARY_INDEX_FIELDS, moveContribution } from '../shared/day-summaries';
import { stringField } from '../shared/event-fields';
import { slaAlgebra, slaPlacement } from './sla-summary';
import {
  evolveTicket,
  TICKET_FACT_FIELDS,
  TICKET_FACT_TYPES,
  type TicketDocument,
} from './ticket-document';

/** Logical collection: one document per ticket, keyed by ticketId. */
export const SLA_TICKETS = 'tickets';
/** Logical collection of the day summaries of the tickets by opening day (shared/day-summaries). */
export const SLA_DAYS = 'days';

/**
 * Feeds `GET /views/service-sla` and `GET /views/tickets/{ticketId}`. Each ticket document holds
 * its cohort key (`openedAt`), its filter keys and every time the SLA figures need, so the views
 * never replay events: the aggregate is one indexed range `find` plus a single pass, and the
 * SLA status is derived at query time because it depends on the current time.
 *
 * Indexes: the cohort range alone, and each equality filter followed by the range, so a filtered
 * query reads only its own tickets.
 *
 * Version 2 added day summaries (SlaSummary by opening day, overall and per priority at opening,
 * team and agent), so a cohort reads at most one summary per day plus its partial edge days.
 *
 * Version 3 keeps each ticket's `facts` (its events in business-time order, only the fields the
 * fold reads), so `validAt` answers fold every ticket as of that moment with `evolveTicket`.
 */
export const serviceSlaProjection: Projection = {
  name: 'service-sla',
  version: 3,
  collections: [SLA_TICKETS, SLA_DAYS],
  indexes: [
    { collection: SLA_TICKETS, fields: ['openedAt'] },
    { collection: SLA_TICKETS, fields: ['openingPriority', 'openedAt'] },
    { collection: SLA_TICKETS, fields: ['teamId', 'openedAt'] },
    { collection: SLA_TICKETS, fields: ['assigneeId', 'openedAt'] },
    { collection: SLA_DAYS, fields: DAY_SUMMARY_INDEX_FIELDS },
  ],
  // Every ticket event; apply skips the types the fold does not read.
  filter: { eventTypePrefixes: ['Ticket'] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    const ticketId = stringField(event.data, 'ticketId');
    if (ticketId === undefined || !TICKET_FACT_TYPES.has(event.type)) return;
    const existing = (await work.get(SLA_TICKETS, ticketId)) as TicketDocument | undefined;
    const folded = evolveTicket(existing, event);
    // Not opened yet in recorded order: the domain never records that, so nothing is kept.
    if (!folded) return;
    const facts = withFact(existing?.facts, factOf(event, TICKET_FACT_FIELDS));
    work.put(SLA_TICKETS, { ...folded, facts });
    if (folded !== existing) {
      await moveContribution(
        work,
        SLA_DAYS,
        slaAlgebra,
        slaPlacement(existing),
        slaPlacement(folded),
      );
    }
  },
};
