import type { ReadStore } from '@chronicle/read-store';
import {
  ALL_SLICE,
  type DaySummaryDocument,
  hasDaySummaries,
  sliceOf,
  type SummaryAlgebra,
} from './day-summaries';
import { planDayWindow, type TimeRange, wholeDaysQuery } from './day-window';

/** Where a cohort view reads: its day summaries and, through `addEntities`, its entities. */
export interface CohortSource<C, F extends TimeRange> {
  readStore: ReadStore;
  /** Physical name of the day summaries collection. */
  days: string;
  algebra: SummaryAlgebra<C>;
  /** The filters a summary slice stands for (`<filter>:<value>`). */
  sliceFilters: readonly (keyof F & string)[];
  /** Adds the contributions of the entities that match `filters` (an indexed find). */
  addEntities(filters: F, into: C): Promise<void>;
}

/**
 * A cohort's summary: the day summaries of its whole days, in the slice of the one filter given
 * (or of all entities), plus the entities of its partial edge days. With two or more filters, or
 * in a generation without summaries, the entities alone: each filter has an index that ends in
 * the cohort's time field, and such cohorts are small.
 */
export async function summarizeCohort<C, F extends TimeRange>(
  source: CohortSource<C, F>,
  filters: F,
): Promise<C> {
  const { readStore, algebra } = source;
  const summary = algebra.empty();
  const given = source.sliceFilters.filter((filter) => filters[filter] !== undefined);
  if (given.length > 1 || !(await hasDaySummaries(readStore, source.days))) {
    await source.addEntities(filters, summary);
    return summary;
  }
  const plan = planDayWindow(filters);
  if (plan.wholeDays) {
    const filter = given[0];
    const slice = filter === undefined ? ALL_SLICE : sliceOf(filter, String(filters[filter]));
    for (const day of await readStore.find(source.days, wholeDaysQuery(slice, plan.wholeDays))) {
      algebra.add(summary, (day as DaySummaryDocument<C>).summary, 1);
    }
  }
  for (const edge of plan.edges) await source.addEntities({ ...filters, ...edge }, summary);
  return summary;
}
