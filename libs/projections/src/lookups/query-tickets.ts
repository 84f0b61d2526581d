import type { ReadStore } from '@chronicle/read-store';
import { type TicketView, toTicketView } from '../sla/query-ticket';
import { equalities, findLookupPage, type LookupPage, type LookupPageRequest } from './lookup-page';
import type { TicketLookupDocument } from './ticket-lookup';

/** `GET /views/tickets/{ticketId}` with the ticket stream's revision. */
export type TicketRevisionView = TicketView & { contactId: string | null; revision: number };

export interface TicketListFilters {
  contactId?: string;
  status?: string;
  agentId?: string;
  teamId?: string;
}

export async function queryTicketWithRevision(
  readStore: ReadStore,
  collection: string,
  ticketId: string,
  context: { position: string; now: Date },
): Promise<TicketRevisionView | undefined> {
  const document = await readStore.get(collection, ticketId);
  return document && withRevision(document as TicketLookupDocument, context);
}

/** Tickets in ticket id order; `agentId` is the agent the ticket is now assigned to. */
export async function queryTickets(
  readStore: ReadStore,
  collection: string,
  filters: TicketListFilters,
  page: LookupPageRequest & { position: string; now: Date },
): Promise<LookupPage<TicketRevisionView>> {
  const { agentId, ...rest } = filters;
  const conditions = equalities({ ...rest, assigneeId: agentId });
  const found = await findLookupPage(readStore, collection, 'ticketId', conditions, page);
  const items = found.items.map((document) => withRevision(document as TicketLookupDocument, page));
  return { items, lastId: found.lastId };
}

function withRevision(
  ticket: TicketLookupDocument,
  context: { position: string; now: Date },
): TicketRevisionView {
  return {
    ...toTicketView(ticket, context.now, context.position),
    contactId: ticket.contactId,
    revision: ticket.revision,
  };
}
