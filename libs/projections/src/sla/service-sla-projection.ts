import type { RecordedEvent } from '@chronicle/event-store';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { DAY_SUMMARY_INDEX_FIELDS, moveContribution } from '../shared/day-summaries';
import { stringField } from '../shared/event-fields';
import { slaAlgebra, slaPlacement } from './sla-summary';
import { evolveTicketDocument, openedTicket, type TicketDocument } from './ticket-document';

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
 */
export const serviceSlaProjection: Projection = {
  name: 'service-sla',
  version: 2,
  collections: [SLA_TICKETS, SLA_DAYS],
  indexes: [
    { collection: SLA_TICKETS, fields: ['openedAt'] },
    { collection: SLA_TICKETS, fields: ['openingPriority', 'openedAt'] },
    { collection: SLA_TICKETS, fields: ['teamId', 'openedAt'] },
    { collection: SLA_TICKETS, fields: ['assigneeId', 'openedAt'] },
    { collection: SLA_DAYS, fields: DAY_SUMMARY_INDEX_FIELDS },
  ],
  // SlaBreached shares the prefix but changes nothing; it is ignored in apply.
  filter: { eventTypePrefixes: ['Ticket'] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    const ticketId = stringField(event.data, 'ticketId');
    if (ticketId === undefined) return;
    const existing = (await work.get(SLA_TICKETS, ticketId)) as TicketDocument | undefined;
    if (event.type === 'TicketOpened') {
      // A repeated OpenTicket appends nothing; a second TicketOpened would not reset the ticket.
      const opened = existing ? undefined : openedTicket(event);
      if (opened) await store(work, undefined, opened);
      return;
    }
    if (!existing) return;
    const next = evolveTicketDocument(existing, event);
    if (next !== existing) await store(work, existing, next);
  },
};

async function store(
  work: UnitOfWork,
  before: TicketDocument | undefined,
  after: TicketDocument,
): Promise<void> {
  work.put(SLA_TICKETS, after);
  await moveContribution(work, SLA_DAYS, slaAlgebra, slaPlacement(before), slaPlacement(after));
}
