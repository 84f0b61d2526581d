import type { TicketStatus } from '@chronicle/domain';
import type { Fact } from '../shared/business-time';
import { type EventLike, occurredAtOf } from '../shared/event-fields';
import { type EventsIn, type ProjectedEventOf, projectedEvent } from '../shared/projected-event';

/**
 * One ticket as the SLA views need it, with every time already resolved at apply time, so a
 * query is one indexed `find` and a single pass. Times are UTC ISO strings (business time);
 * absent values are null rather than missing so indexed equality filters behave the same on
 * every read-store adapter.
 */
export type TicketDocument = {
  _id: string;
  ticketId: string;
  /** The domain's lifecycle status: open, assigned, responded, resolved, reopened, closed. */
  status: TicketStatus;
  openedAt: string;
  /** The priority at opening: the `priority` filter and `byPriority` group by it. */
  openingPriority: string;
  /** The priority now, after any TicketPriorityChanged (shown by the ticket view). */
  priority: string;
  /** The team now in charge: opening team, replaced by an assignment that names one. */
  teamId: string | null;
  /** The agent now assigned (a first response assigns an unassigned ticket). */
  assigneeId: string | null;
  /** Fixed at opening from the policy in force; never moves. */
  firstResponseDueAt: string;
  resolutionDueAt: string;
  /** The first TicketResponded. */
  firstResponseAt: string | null;
  /** The resolution in force: the latest TicketResolved not reopened, else the TicketClosed. */
  resolvedAt: string | null;
  closedAt: string | null;
  satisfactionScore: number | null;
  /**
   * The ticket's events in business-time order, with only the fields `evolveTicket` reads (never
   * the subject, messages or resolution text), so the ticket can be folded as of any moment.
   * Absent on a document folded from them.
   */
  facts?: Fact[];
};

const TICKET_FOLD_TYPES = new Set([
  'TicketOpened',
  'TicketAssigned',
  'TicketResponded',
  'TicketPriorityChanged',
  'TicketResolved',
  'TicketReopened',
  'TicketClosed',
] as const);

/** The ticket events the fold reads; any other type changes nothing. */
export const TICKET_FACT_TYPES: ReadonlySet<string> = TICKET_FOLD_TYPES;

/**
 * Every data field `openedTicket` and `evolveTicketDocument` read. A stored fact keeps only these,
 * so its typed view is true of them alone: the fold must read no other field.
 */
export const TICKET_FACT_FIELDS = [
  'ticketId',
  'priority',
  'teamId',
  'firstResponseDueAt',
  'resolutionDueAt',
  'agentId',
  'resolvedAtClose',
  'satisfactionScore',
] as const;

const TICKET_OPENED = new Set(['TicketOpened'] as const);

/** Normalises an ISO time from event data so stored times compare as strings. */
function isoTime(value: string | undefined, fallback: string): string {
  const millis = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isNaN(millis) ? fallback : new Date(millis).toISOString();
}

/** The document a TicketOpened starts. */
export function openedTicket(
  event: ProjectedEventOf<'TicketOpened'>,
  openedAt: string,
): TicketDocument {
  const { data } = event;
  return {
    _id: data.ticketId,
    ticketId: data.ticketId,
    status: 'open',
    openedAt,
    openingPriority: data.priority,
    priority: data.priority,
    teamId: data.teamId ?? null,
    assigneeId: null,
    // An unreadable due time (never written by the domain) is treated as due at opening.
    firstResponseDueAt: isoTime(data.firstResponseDueAt, openedAt),
    resolutionDueAt: isoTime(data.resolutionDueAt, openedAt),
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    satisfactionScore: null,
  };
}

/**
 * The ticket after a later event of its stream, mirroring the domain's `evolveTicket`; the same
 * object when the event changes nothing the views show (SlaBreached never changes the figures).
 */
export function evolveTicketDocument(ticket: TicketDocument, event: EventLike): TicketDocument {
  const typed = projectedEvent(event, TICKET_FOLD_TYPES);
  return typed ? evolveOpenedTicket(ticket, typed, occurredAtOf(event)) : ticket;
}

function evolveOpenedTicket(
  ticket: TicketDocument,
  event: EventsIn<typeof TICKET_FOLD_TYPES>,
  at: string,
): TicketDocument {
  switch (event.type) {
    case 'TicketOpened':
      // A repeated opening resets nothing.
      return ticket;
    case 'TicketAssigned': {
      const reopenedOrNew = ticket.status === 'open' || ticket.status === 'reopened';
      return {
        ...ticket,
        status: reopenedOrNew ? 'assigned' : ticket.status,
        assigneeId: event.data.agentId,
        teamId: event.data.teamId ?? ticket.teamId,
      };
    }
    case 'TicketResponded':
      return {
        ...ticket,
        status: ticket.status === 'resolved' ? 'resolved' : 'responded',
        firstResponseAt: ticket.firstResponseAt ?? at,
      };
    case 'TicketPriorityChanged':
      return { ...ticket, priority: event.data.priority };
    case 'TicketResolved':
      return { ...ticket, status: 'resolved', resolvedAt: at };
    case 'TicketReopened':
      return { ...ticket, status: 'reopened', resolvedAt: null };
    case 'TicketClosed':
      return {
        ...ticket,
        status: 'closed',
        closedAt: at,
        // resolvedAtClose: the close itself is the resolution (no resolution was in force).
        resolvedAt: event.data.resolvedAtClose ? at : (ticket.resolvedAt ?? at),
        satisfactionScore: event.data.satisfactionScore ?? null,
      };
  }
}

/**
 * The whole fold of one ticket, live and as of a moment: the first TicketOpened starts it (a
 * repeated one resets nothing) and any event before it is ignored, as the domain refuses
 * commands on a ticket that does not exist.
 */
export function evolveTicket(
  ticket: TicketDocument | undefined,
  event: EventLike,
): TicketDocument | undefined {
  if (ticket) return evolveTicketDocument(ticket, event);
  const opening = projectedEvent(event, TICKET_OPENED);
  return opening && openedTicket(opening, occurredAtOf(event));
}
