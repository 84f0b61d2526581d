import type { RecordedEvent } from '@chronicle/event-store';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { evolveTicket, openedTicket, type TicketDocument } from '../sla/ticket-document';
import { occurredAtOf } from '../shared/event-fields';
import { projectedEvent } from '../shared/projected-event';

/** Logical collection: one document per ticket, keyed by ticketId. */
export const LOOKUP_TICKETS = 'tickets';

/** A ticket as the SLA views fold it, plus its contact and the stream's revision. */
export type TicketLookupDocument = TicketDocument & { contactId: string | null; revision: number };

const TICKET_STREAM = 'ticket-';

/**
 * `ticket-lookup`: every event of every ticket stream (SlaBreached included, so `revision` is the
 * stream's), folded as the SLA views fold it; serves `/views/tickets` and `/views/tickets/{id}`.
 */
export const ticketLookupProjection: Projection = {
  name: 'ticket-lookup',
  version: 1,
  collections: [LOOKUP_TICKETS],
  indexes: [
    { collection: LOOKUP_TICKETS, fields: ['ticketId'] },
    { collection: LOOKUP_TICKETS, fields: ['contactId', 'ticketId'] },
    { collection: LOOKUP_TICKETS, fields: ['status', 'ticketId'] },
    { collection: LOOKUP_TICKETS, fields: ['assigneeId', 'ticketId'] },
    { collection: LOOKUP_TICKETS, fields: ['teamId', 'ticketId'] },
  ],
  filter: { streamPrefixes: [TICKET_STREAM] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    if (!event.streamId.startsWith(TICKET_STREAM)) return;
    const ticketId = event.streamId.slice(TICKET_STREAM.length);
    const existing = (await work.get(LOOKUP_TICKETS, ticketId)) as TicketLookupDocument | undefined;
    const next = existing ? evolved(existing, event) : opened(event);
    if (next) work.put(LOOKUP_TICKETS, { ...next, revision: event.revision });
  },
};

const TICKET_OPENED = new Set(['TicketOpened'] as const);

function opened(event: RecordedEvent): TicketLookupDocument | undefined {
  const opening = projectedEvent(event, TICKET_OPENED);
  if (!opening) return undefined;
  const ticket = openedTicket(opening, occurredAtOf(event));
  return { ...ticket, contactId: opening.data.contactId, revision: 0 };
}

function evolved(ticket: TicketLookupDocument, event: RecordedEvent): TicketLookupDocument {
  // A repeated TicketOpened resets nothing (`evolveTicket` returns the same document).
  return { ...ticket, ...evolveTicket(ticket, event) };
}
