import type { DocumentQuery, ReadStore } from '@chronicle/read-store';
import { TICKET_PRIORITIES } from '@chronicle/domain';
import { SlaTally, type SlaFigures } from './sla-figures';
import type { TicketDocument } from './ticket-document';

/** Narrows the cohort of `GET /views/service-sla`; every field is optional. */
export interface ServiceSlaFilters {
  /** Inclusive lower bound of `openedAt` (UTC ISO). */
  from?: string;
  /** Exclusive upper bound of `openedAt` (UTC ISO). */
  to?: string;
  /** The priority at opening. */
  priority?: string;
  /** The team now in charge of the ticket. */
  teamId?: string;
  /** The agent the ticket is now assigned to. */
  agentId?: string;
}

export type SlaPriorityFigures = { priority: string } & SlaFigures;
export type SlaTeamFigures = { teamId: string | null } & SlaFigures;

/** The answer of `GET /views/service-sla` (CONTRACT §3). */
export type ServiceSlaView = SlaFigures & {
  byPriority: SlaPriorityFigures[];
  byTeam: SlaTeamFigures[];
  position: string;
};

/** Where the query reads: the read store, the physical `tickets` collection and its position. */
export interface SlaReadModel {
  readStore: ReadStore;
  tickets: string;
  /** The projection's checkpoint, read before the documents so they are at least this recent. */
  position: string;
}

/** The read-store query for the cohort: the range on `openedAt` plus the indexed equalities. */
export function slaCohortQuery(filters: ServiceSlaFilters): DocumentQuery {
  const openedAt: Record<string, string> = {};
  if (filters.from !== undefined) openedAt.$gte = filters.from;
  if (filters.to !== undefined) openedAt.$lt = filters.to;
  return {
    ...(Object.keys(openedAt).length > 0 && { openedAt }),
    ...(filters.priority !== undefined && { openingPriority: filters.priority }),
    ...(filters.teamId !== undefined && { teamId: filters.teamId }),
    ...(filters.agentId !== undefined && { assigneeId: filters.agentId }),
  };
}

/** Most urgent first; an unknown priority (never written by the domain) sorts after, by name. */
function priorityOrder(a: string, b: string): number {
  // TICKET_PRIORITIES runs from low to urgent; an unknown one ranks -1.
  const rank = (priority: string): number =>
    (TICKET_PRIORITIES as readonly string[]).indexOf(priority);
  return rank(b) - rank(a) || a.localeCompare(b);
}

/** Teams by id, the tickets of no team last. */
function teamOrder(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

/**
 * `GET /views/service-sla`: the SLA figures of the tickets opened in [from, to), overall and per
 * priority at opening and per current team (only groups that hold tickets). `now` decides which
 * unfinished targets are already breached; inject it from a clock.
 */
export async function queryServiceSla(
  model: SlaReadModel,
  filters: ServiceSlaFilters,
  now: Date,
): Promise<ServiceSlaView> {
  const documents = await model.readStore.find(model.tickets, slaCohortQuery(filters));
  const overall = new SlaTally();
  const byPriority = new Map<string, SlaTally>();
  const byTeam = new Map<string | null, SlaTally>();
  for (const document of documents) {
    const ticket = document as TicketDocument;
    overall.add(ticket, now);
    tallyOf(byPriority, ticket.openingPriority).add(ticket, now);
    tallyOf(byTeam, ticket.teamId).add(ticket, now);
  }
  return {
    ...overall.figures(),
    byPriority: [...byPriority]
      .sort(([a], [b]) => priorityOrder(a, b))
      .map(([priority, tally]) => ({ priority, ...tally.figures() })),
    byTeam: [...byTeam]
      .sort(([a], [b]) => teamOrder(a, b))
      .map(([teamId, tally]) => ({ teamId, ...tally.figures() })),
    position: model.position,
  };
}

function tallyOf<K>(groups: Map<K, SlaTally>, key: K): SlaTally {
  let tally = groups.get(key);
  if (!tally) {
    tally = new SlaTally();
    groups.set(key, tally);
  }
  return tally;
}
