import type { FieldOperators } from '@chronicle/read-store';
import type { TimeRange } from './day-window';

/**
 * How a window [from, to) splits into whole UTC calendar months, answered from month summaries,
 * and what is left at its edges (less than a month each), answered from the entities.
 */
export interface MonthWindowPlan {
  /** Whole months: `month >= firstMonth` and `month < endMonth` (`YYYY-MM`, each optional); absent = none. */
  wholeMonths?: { firstMonth?: string; endMonth?: string };
  /** At most two ranges (or the whole window when it spans no whole month). */
  edges: TimeRange[];
}

/** The UTC month (`YYYY-MM`) of a UTC ISO time. */
export function monthOf(isoTime: string): string {
  return isoTime.slice(0, 7);
}

export function planMonthWindow({ from, to }: TimeRange): MonthWindowPlan {
  const fromMs = from === undefined ? undefined : Date.parse(from);
  const toMs = to === undefined ? undefined : Date.parse(to);
  const firstWhole = fromMs === undefined ? undefined : monthStartAtOrAfter(fromMs);
  const endWhole = toMs === undefined ? undefined : monthStartAtOrBefore(toMs);
  if (firstWhole !== undefined && endWhole !== undefined && firstWhole >= endWhole) {
    return { edges: [{ from, to }] };
  }
  const edges: TimeRange[] = [];
  if (fromMs !== undefined && firstWhole! > fromMs) edges.push({ from, to: iso(firstWhole!) });
  if (toMs !== undefined && endWhole! < toMs) edges.push({ from: iso(endWhole!), to });
  return {
    wholeMonths: {
      ...(firstWhole !== undefined && { firstMonth: monthOf(iso(firstWhole)) }),
      ...(endWhole !== undefined && { endMonth: monthOf(iso(endWhole)) }),
    },
    edges,
  };
}

/** A `day` condition (month summaries keep their month in `day`) for the plan's whole months. */
export function wholeMonthsCondition(
  wholeMonths: NonNullable<MonthWindowPlan['wholeMonths']>,
): FieldOperators | undefined {
  const condition = {
    ...(wholeMonths.firstMonth !== undefined && { $gte: wholeMonths.firstMonth }),
    ...(wholeMonths.endMonth !== undefined && { $lt: wholeMonths.endMonth }),
  };
  return Object.keys(condition).length > 0 ? condition : undefined;
}

function monthStartAtOrBefore(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function monthStartAtOrAfter(ms: number): number {
  const start = monthStartAtOrBefore(ms);
  if (start === ms) return start;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
