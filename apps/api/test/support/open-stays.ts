/**
 * A customer 360 answer whose open stays' `cumulativeSeconds` match any number: the live view
 * counts them up to its clock, the audit's as-of state up to the moment asked about
 * (docs/views-contacts.md), so two answers of the same history differ only there.
 */
export function withOpenStaysOfAnyLength(view: Record<string, unknown>): Record<string, unknown> {
  const stages = view.stages as Record<string, { lastExitedAt: string | null }>;
  const counted = Object.entries(stages).map(([stage, timing]) => [
    stage,
    timing.lastExitedAt === null
      ? { ...timing, cumulativeSeconds: expect.any(Number) as unknown }
      : timing,
  ]);
  return { ...view, stages: Object.fromEntries(counted) };
}
