// The CI run is short; RELIABILITY_LONG=1 is the on-demand soak with more rounds and volume.
// RELIABILITY_SEED=<n> replays the random choices of a run (its test title prints the seed);
// the kill itself lands wherever the processes happen to be, so a replay is close, not exact.
export const LONG = process.env.RELIABILITY_LONG === '1';

export const SEED = process.env.RELIABILITY_SEED
  ? Number(process.env.RELIABILITY_SEED)
  : (Date.now() ^ (Math.random() * 0x100000000)) >>> 0;

/** The CI figure, or the long run's. */
export function scaled<T>(ci: T, long: T): T {
  return LONG ? long : ci;
}
