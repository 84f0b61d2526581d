import type { TicketStatus } from '@chronicle/domain';
import type { Fact } from '../shared/business-time';
import { type EventLike, numberField, occurredAtOf, stringField } from '../shared/event-fields';

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

/** The ticket events the fold reads; any other type changes nothing. */
export const TICKET_FACT_TYPES: ReadonlySet<string> = new Set([
  'TicketOpened',
  'TicketAssigned',
  'TicketResponded',
  'TicketPriorityChanged',
  'TicketResolved',
  'TicketReopened',
  'TicketClosed',
]);

/** Every data field `openedTicket` and `evolveTicketDocument` read. */
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

/** Normalises an ISO time from event data so stored times compare as strings. */
function isoTime(value: string | undefined, fallback: string): string {
  const millis = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isNaN(millis) ? fallback : new Date(millis).toISOString();
}

/** The document a TicketOpened starts; undefined when the event lacks its ids. */
export function openedTicket(event: EventLike): TicketDocument | undefined {
  const { data } = event;
  const ticketId = stringField(data, 'ticketId');
  const priority = stringField(data, 'priority');
  if (ticketId === undefined || priority === undefined) return undefined;
  const openedAt = occurredAtOf(event);
  return {
    _id: ticketId,
    ticketId,
    status: 'open',
    openedAt,
    openingPriority: priority,
    priority,
    teamId: stringField(data, 'teamId') ?? null,
    assigneeId: null,
    // An event without due times (never written by the domain) is treated as due at opening.
    firstResponseDueAt: isoTime(stringField(data, 'firstResponseDueAt'), openedAt),
    resolutionDueAt: isoTime(stringField(data, 'resolutionDueAt'), openedAt),
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
  const { data } = event;
  const at = occurredAtOf(event);
  switch (event.type) {
    case 'TicketAssigned': {
      const reopenedOrNew = ticket.status === 'open' || ticket.status === 'reopened';
      return {
        ...ticket,
        status: reopenedOrNew ? 'assigned' : ticket.status,
        assigneeId: stringField(data, 'agentId') ?? ticket.assigneeId,
        teamId: stringField(data, 'teamId') ?? ticket.teamId,
      };
    }
    case 'TicketResponded':
      return {
        ...ticket,
        status: ticket.status === 'resolved' ? 'resolved' : 'responded',
        firstResponseAt: ticket.firstResponseAt ?? at,
      };
    case 'TicketPriorityChanged':
      return { ...ticket, priority: stringField(data, 'priority') ?? ticket.priority };
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
        resolvedAt: data.resolvedAtClose === true ? at : (ticket.resolvedAt ?? at),
        satisfactionScore: numberField(data, 'satisfactionScore') ?? null,
      };
    default:
      return ticket;
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
  if (event.type === 'TicketOpened') return ticket ?? openedTicket(event);
  return ticket && evolveTicketDocument(ticket, event);
}
