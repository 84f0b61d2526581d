import { comparePositions } from '@chronicle/event-store';

/** One entry into a lifecycle stage as the history states it: the registration or a stage change. */
export type StageChange = { stage: string; at: string; position: string };

/** `stages[<stage>]` of the customer 360 (docs/views-contacts.md). */
export type StageTiming = {
  firstEnteredAt: string;
  lastEnteredAt: string;
  /** Null while the contact is in the stage. */
  lastExitedAt: string | null;
  /** Every stay added up, the current one counted up to `now`. */
  cumulativeSeconds: number;
};

/**
 * The stage changes with one more, kept in the order they are read in: by business time, ties by
 * position. Imports and backfills append changes in any business-time order, so the figures are
 * only ever derived from this timeline (stageTimings), never folded as the events arrive.
 */
export function withStageChange(
  changes: readonly StageChange[],
  change: StageChange,
): StageChange[] {
  const next = [...changes];
  let index = next.length;
  while (index > 0 && inTimelineOrder(change, next[index - 1]!)) index -= 1;
  next.splice(index, 0, change);
  return next;
}

/**
 * Per stage the contact has been in, its entries, exits and time spent, walking the timeline in
 * business-time order. A change to the stage the contact is already in is no new entry; a stay
 * still open at the end counts up to `now`, and never below zero (a stay entered after `now`).
 */
export function stageTimings(
  changes: readonly StageChange[],
  now: Date,
): Record<string, StageTiming> {
  const timings: Record<string, StageTiming> = {};
  const milliseconds = new Map<string, number>();
  let current: { stage: string; enteredAt: number } | undefined;
  for (const { stage, at } of changes) {
    if (current?.stage === stage) continue;
    const atMillis = Date.parse(at);
    if (current) {
      const left = timings[current.stage]!;
      left.lastExitedAt = at;
      addStay(milliseconds, current.stage, atMillis - current.enteredAt);
    }
    const known = timings[stage];
    timings[stage] = {
      firstEnteredAt: known?.firstEnteredAt ?? at,
      lastEnteredAt: at,
      lastExitedAt: null,
      cumulativeSeconds: 0,
    };
    current = { stage, enteredAt: atMillis };
  }
  if (current) addStay(milliseconds, current.stage, now.getTime() - current.enteredAt);
  for (const [stage, total] of milliseconds) timings[stage]!.cumulativeSeconds = total / 1000;
  return timings;
}

function addStay(milliseconds: Map<string, number>, stage: string, stay: number): void {
  milliseconds.set(stage, (milliseconds.get(stage) ?? 0) + Math.max(0, stay));
}

/** True when `a` comes before `b` on the timeline. */
function inTimelineOrder(a: StageChange, b: StageChange): boolean {
  if (a.at !== b.at) return a.at < b.at;
  return comparePositions(a.position, b.position) < 0;
}
