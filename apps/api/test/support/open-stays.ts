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

/**
 * The same answer with each open stay's `cumulativeSeconds` left out, for comparing two reads of
 * one history taken at different moments (a recovered view against its rebuild).
 */
export function withoutOpenStayLengths(view: unknown): unknown {
  const stages = (view as { stages?: Record<string, { lastExitedAt: string | null }> }).stages;
  if (stages === undefined) return view;
  const counted = Object.entries(stages).map(([stage, timing]): [string, unknown] => {
    if (timing.lastExitedAt !== null) return [stage, timing];
    const { cumulativeSeconds: _running, ...closedFigures } = timing as Record<string, unknown>;
    return [stage, closedFigures];
  });
  return { ...(view as object), stages: Object.fromEntries(counted) };
}
