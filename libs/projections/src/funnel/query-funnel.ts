import type { ReadStore } from '@chronicle/read-store';
import { summarizeCohort } from '../shared/cohort-summary';
import { siblingCollection } from '../shared/day-summaries';
import { planEntityScan } from '../shared/entity-scan';
import { LIFECYCLE_LADDER, type LadderStage } from '../shared/ladder';
import { nearestRankMedian, ratioOrNull } from '../shared/percentiles';
import { type FunnelFold, isRegistered } from './funnel-contact';
import { FUNNEL_DAYS } from './funnel-projection';
import {
  funnelAlgebra,
  funnelContribution,
  FUNNEL_SLICE_FILTERS,
  type FunnelSummary,
} from './funnel-summary';

/** The funnel's cohort: registered in [from, to) by business time, narrowed by the filters. */
export interface FunnelFilters {
  from?: string;
  to?: string;
  /** The contact's first-touch campaign (the same attribution as the campaigns view). */
  campaignId?: string;
  /** The contact's current owner. */
  ownerId?: string;
  source?: string;
}

export interface FunnelStage {
  stage: LadderStage;
  current: number;
  reached: number;
  conversionToNext: number | null;
  medianSecondsInStage: number | null;
}

/** `GET /views/lifecycle-funnel` (docs/views-*.md). */
export interface LifecycleFunnelView {
  total: number;
  position: string;
  stages: FunnelStage[];
  other: number;
}

/** Physical names of the funnel's collections in the generation being read. */
export interface FunnelCollections {
  contacts: string;
  days: string;
}

/**
 * Answers the funnel from the `lifecycle-funnel` projection: the day summaries of the cohort's
 * whole days (one slice: all contacts, or the one filter given) plus the contacts of its partial
 * edge days; with two or more filters, the contacts alone (an indexed find). `collections` may be
 * the contacts collection's physical name alone: the day summaries are its sibling. `position` is
 * the projection's checkpoint read before the documents, so the answer is at least that fresh.
 */
export async function queryLifecycleFunnel(
  readStore: ReadStore,
  collections: string | FunnelCollections,
  filters: FunnelFilters,
  position: string,
): Promise<LifecycleFunnelView> {
  const physical =
    typeof collections === 'string'
      ? { contacts: collections, days: siblingCollection(collections, FUNNEL_DAYS) }
      : collections;
  return funnelView(await cohortSummary(readStore, physical, filters), position);
}

/** The same answer from the contacts alone: the reference the day summaries must agree with. */
export async function queryLifecycleFunnelByContacts(
  readStore: ReadStore,
  contacts: string,
  filters: FunnelFilters,
  position: string,
): Promise<LifecycleFunnelView> {
  const summary = funnelAlgebra.empty();
  await addContacts(readStore, contacts, filters, summary);
  return funnelView(summary, position);
}

function cohortSummary(
  readStore: ReadStore,
  collections: FunnelCollections,
  filters: FunnelFilters,
): Promise<FunnelSummary> {
  return summarizeCohort(
    {
      readStore,
      days: collections.days,
      algebra: funnelAlgebra,
      sliceFilters: FUNNEL_SLICE_FILTERS,
      addEntities: (cohort, into) => addContacts(readStore, collections.contacts, cohort, into),
    },
    filters,
  );
}

async function addContacts(
  readStore: ReadStore,
  contacts: string,
  filters: FunnelFilters,
  into: FunnelSummary,
): Promise<void> {
  const scan = planEntityScan('registeredAt', filters, [
    // Campaigns and owners are many, sources few: the likeliest narrowest filter goes first.
    ['campaignId', filters.campaignId],
    ['ownerId', filters.ownerId],
    ['source', filters.source],
  ]);
  for (const document of await readStore.find(contacts, scan.query)) {
    if (!scan.matches(document)) continue;
    const contact = document as FunnelFold;
    // Merged-away contacts contribute nothing: their survivor carries the person. A contact whose
    // registration is not known yet (a prelude) belongs to no cohort.
    const contribution = isRegistered(contact) && funnelContribution(contact);
    if (contribution) funnelAlgebra.add(into, contribution, 1);
  }
}

/** The view of a cohort's summary. */
export function funnelView(summary: FunnelSummary, position: string): LifecycleFunnelView {
  const { current, reached, stays } = summary;
  return {
    total: summary.total,
    position,
    stages: LIFECYCLE_LADDER.map((stage, rank) => ({
      stage,
      current: current[rank] ?? 0,
      reached: reached[rank] ?? 0,
      // The last stage has no next one to convert to: null, like a zero divisor.
      conversionToNext:
        rank + 1 < LIFECYCLE_LADDER.length
          ? ratioOrNull(reached[rank + 1] ?? 0, reached[rank] ?? 0)
          : null,
      // Time in a stage counts only for contacts that have left it (ongoing stays would drag it).
      medianSecondsInStage: nearestRankMedian(stays[rank] ?? []),
    })),
    other: summary.other,
  };
}
