import type { ReadStore } from '@chronicle/read-store';
import { TICKET_PRIORITIES } from '@chronicle/domain';
import { summarizeCohort } from '../shared/cohort-summary';
import { siblingCollection } from '../shared/day-summaries';
import { planEntityScan } from '../shared/entity-scan';
import type { SlaFigures } from './sla-figures';
import { SLA_DAYS } from './service-sla-projection';
import {
  NO_TEAM,
  SLA_SLICE_FILTERS,
  slaAlgebra,
  type SlaCell,
  slaCells,
  slaContribution,
  slaFigures,
  type SlaSummary,
} from './sla-summary';
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

/** The answer of `GET /views/service-sla` (docs/views-*.md). */
export type ServiceSlaView = SlaFigures & {
  byPriority: SlaPriorityFigures[];
  byTeam: SlaTeamFigures[];
  position: string;
};

/** Where the query reads: the read store, the physical `tickets` collection and its position. */
export interface SlaReadModel {
  readStore: ReadStore;
  tickets: string;
  /** The physical `days` collection; default: the sibling of `tickets` in its generation. */
  days?: string;
  /** The projection's checkpoint, read before the documents so they are at least this recent. */
  position: string;
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
 * unfinished targets are already breached; inject it from a clock. Reads the day summaries of
 * the cohort's whole days (one slice: all tickets, or the one filter given) plus the tickets of
 * its partial edge days; with two or more filters, the tickets alone (an indexed find).
 */
export async function queryServiceSla(
  model: SlaReadModel,
  filters: ServiceSlaFilters,
  now: Date,
): Promise<ServiceSlaView> {
  return slaView(await cohortSummary(model, filters), now, model.position);
}

/** The same answer from the tickets alone: the reference the day summaries must agree with. */
export async function queryServiceSlaByTickets(
  model: SlaReadModel,
  filters: ServiceSlaFilters,
  now: Date,
): Promise<ServiceSlaView> {
  const summary = slaAlgebra.empty();
  await addTickets(model, filters, summary);
  return slaView(summary, now, model.position);
}

function cohortSummary(model: SlaReadModel, filters: ServiceSlaFilters): Promise<SlaSummary> {
  return summarizeCohort(
    {
      readStore: model.readStore,
      days: model.days ?? siblingCollection(model.tickets, SLA_DAYS),
      algebra: slaAlgebra,
      sliceFilters: SLA_SLICE_FILTERS.map(([filter]) => filter),
      addEntities: (cohort, into) => addTickets(model, cohort, into),
    },
    filters,
  );
}

async function addTickets(
  model: SlaReadModel,
  filters: ServiceSlaFilters,
  into: SlaSummary,
): Promise<void> {
  const scan = planEntityScan('openedAt', filters, [
    // Agents are many, teams fewer, priorities four: the likeliest narrowest filter goes first.
    ['assigneeId', filters.agentId],
    ['teamId', filters.teamId],
    ['openingPriority', filters.priority],
  ]);
  for (const document of await model.readStore.find(model.tickets, scan.query)) {
    if (scan.matches(document))
      slaAlgebra.add(into, slaContribution(document as TicketDocument), 1);
  }
}

/** The view of a cohort's summary: overall, by priority and by team, judged against `now`. */
export function slaView(summary: SlaSummary, now: Date, position: string): ServiceSlaView {
  const cells = slaCells(summary);
  const groupedBy = (key: (cell: SlaCell) => string): Map<string, SlaCell[]> => {
    const groups = new Map<string, SlaCell[]>();
    for (const cell of cells) groups.set(key(cell), [...(groups.get(key(cell)) ?? []), cell]);
    return groups;
  };
  const team = (key: string): string | null => (key === NO_TEAM ? null : key);
  return {
    ...slaFigures(cells, now),
    byPriority: [...groupedBy((cell) => cell.priority)]
      .sort(([a], [b]) => priorityOrder(a, b))
      .map(([priority, group]) => ({ priority, ...slaFigures(group, now) })),
    byTeam: [...groupedBy((cell) => cell.team)]
      .map(([key, group]) => [team(key), group] as const)
      .sort(([a], [b]) => teamOrder(a, b))
      .map(([teamId, group]) => ({ teamId, ...slaFigures(group, now) })),
    position,
  };
}
