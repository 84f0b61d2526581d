import type { ReadDocument, ReadStore } from '@chronicle/read-store';
import type { UnitOfWork } from '../runtime/projection';

/**
 * Per-day summaries keep the cohort views bounded at scale: instead of reading every entity of a
 * window, a query reads one small document per UTC day and slice (all entities, or those of one
 * filter value), and only the entities of the partial days at the window's edges. A projection
 * keeps them by taking an entity's old contribution out of its summaries and adding its new one
 * in, whenever the entity changes.
 */

/** The slice of every entity of the day; a filter value's slice is `<filter>:<value>`. */
export const ALL_SLICE = 'all';

/** How one view's contributions add up. `add` changes `into` in place. */
export interface SummaryAlgebra<C> {
  empty(): C;
  /** Adds (`sign` 1) or takes out again (`sign` -1) one entity's contribution. */
  add(into: C, contribution: C, sign: 1 | -1): void;
  /** True when no entity contributes any more, so the document can go. */
  isEmpty(summary: C): boolean;
}

/** Where one entity counts: its day, the slices it belongs to, and what it adds there. */
export interface Placement<C> {
  day: string;
  slices: readonly string[];
  contribution: C;
}

/** A stored summary: one day of one slice. */
export type DaySummaryDocument<C> = ReadDocument & { slice: string; day: string; summary: C };

/** Index every summary collection declares: a slice's days in order. */
export const DAY_SUMMARY_INDEX_FIELDS = ['slice', 'day'];

/** The UTC day (`YYYY-MM-DD`) of a UTC ISO time. */
export function dayOf(isoTime: string): string {
  return isoTime.slice(0, 10);
}

/**
 * The physical name of `logical` beside `physical` in the same generation (`f.g1.contacts` →
 * `f.g1.days`), for callers that were handed one collection's name.
 */
export function siblingCollection(physical: string, logical: string): string {
  const dot = physical.lastIndexOf('.');
  if (dot < 0) throw new Error(`${physical} is not a physical collection name`);
  return `${physical.slice(0, dot + 1)}${logical}`;
}

export function sliceOf(filter: string, value: string): string {
  return `${filter}:${value}`;
}

/**
 * Whether a generation holds day summaries. One filled by a version before them has none: while
 * its rebuild runs it still serves, and is read from its entities instead. A generation of this
 * version without any summary has no entity that counts, so reading its entities is right too.
 */
export async function hasDaySummaries(readStore: ReadStore, collection: string): Promise<boolean> {
  return (await readStore.find(collection, {}, { limit: 1 })).length > 0;
}

/**
 * Moves an entity's contribution from where it counted (`before`) to where it counts now
 * (`after`); either may be undefined (not yet counted, or no longer). Summaries are read and
 * written through the unit of work, so several changes in one batch add up.
 */
export async function moveContribution<C>(
  work: UnitOfWork,
  collection: string,
  algebra: SummaryAlgebra<C>,
  before: Placement<C> | undefined,
  after: Placement<C> | undefined,
): Promise<void> {
  if (before) await applyPlacement(work, collection, algebra, before, -1);
  if (after) await applyPlacement(work, collection, algebra, after, 1);
}

async function applyPlacement<C>(
  work: UnitOfWork,
  collection: string,
  algebra: SummaryAlgebra<C>,
  placement: Placement<C>,
  sign: 1 | -1,
): Promise<void> {
  for (const slice of placement.slices) {
    const id = `${slice}|${placement.day}`;
    const stored = (await work.get(collection, id)) as DaySummaryDocument<C> | undefined;
    const summary = stored?.summary ?? algebra.empty();
    algebra.add(summary, placement.contribution, sign);
    if (algebra.isEmpty(summary)) work.delete(collection, id);
    else work.put(collection, { _id: id, slice, day: placement.day, summary });
  }
}
