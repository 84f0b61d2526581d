import type { DocumentQuery, FieldOperators } from '@chronicle/read-store';

const DAY_MS = 86_400_000;

/** A business-time range [from, to), each bound optional (UTC ISO). */
export interface TimeRange {
  from?: string;
  to?: string;
}

/**
 * How a window [from, to) splits into whole UTC days, answered from day summaries, and the
 * partial days at its edges, answered from the entities themselves.
 */
export interface DayWindowPlan {
  /** Whole days: `day >= firstDay` and `day < endDay` (each bound optional); absent = none. */
  wholeDays?: { firstDay?: string; endDay?: string };
  /** At most two ranges, each within one day (or the whole window when it spans no whole day). */
  edges: TimeRange[];
}

export function planDayWindow({ from, to }: TimeRange): DayWindowPlan {
  const fromMs = from === undefined ? undefined : Date.parse(from);
  const toMs = to === undefined ? undefined : Date.parse(to);
  const firstWhole = fromMs === undefined ? undefined : Math.ceil(fromMs / DAY_MS) * DAY_MS;
  const endWhole = toMs === undefined ? undefined : Math.floor(toMs / DAY_MS) * DAY_MS;
  if (firstWhole !== undefined && endWhole !== undefined && firstWhole >= endWhole) {
    return { edges: [{ from, to }] };
  }
  const edges: TimeRange[] = [];
  if (fromMs !== undefined && firstWhole! > fromMs) edges.push({ from, to: iso(firstWhole!) });
  if (toMs !== undefined && endWhole! < toMs) edges.push({ from: iso(endWhole!), to });
  return {
    wholeDays: {
      ...(firstWhole !== undefined && { firstDay: iso(firstWhole).slice(0, 10) }),
      ...(endWhole !== undefined && { endDay: iso(endWhole).slice(0, 10) }),
    },
    edges,
  };
}

/** The summaries of `slice` on the plan's whole days. */
export function wholeDaysQuery(
  slice: string,
  wholeDays: NonNullable<DayWindowPlan['wholeDays']>,
): DocumentQuery {
  const day = {
    ...(wholeDays.firstDay !== undefined && { $gte: wholeDays.firstDay }),
    ...(wholeDays.endDay !== undefined && { $lt: wholeDays.endDay }),
  };
  return { slice, ...(Object.keys(day).length > 0 && { day }) };
}

/** A `{ $gte, $lt }` condition for a time field, or undefined for an unbounded range. */
export function rangeCondition({ from, to }: TimeRange): FieldOperators | undefined {
  const condition = {
    ...(from !== undefined && { $gte: from }),
    ...(to !== undefined && { $lt: to }),
  };
  return Object.keys(condition).length > 0 ? condition : undefined;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
