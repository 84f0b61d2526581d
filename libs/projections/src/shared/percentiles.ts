/**
 * The nearest-rank percentile: the smallest value such that at least `percent` % of the values are
 * at or below it (index ⌈p/100 · n⌉ − 1 of the sorted values). Null for no values, so a view shows
 * "no data" rather than 0.
 */
export function nearestRank(values: readonly number[], percent: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.max(0, Math.ceil((percent / 100) * sorted.length) - 1);
  return sorted[index] ?? null;
}

/** The nearest-rank median (the lower middle value of an even count). */
export function nearestRankMedian(values: readonly number[]): number | null {
  return nearestRank(values, 50);
}

/** `numerator / denominator`, or null when the denominator is 0 (the CONTRACT's rule for every ratio). */
export function ratioOrNull(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Sums money without letting binary float noise pile up over many updates (millionths, as orders do). */
export function addAmounts(a: number, b: number): number {
  return Math.round((a + b) * 1e6) / 1e6;
}
