import type fc from 'fast-check';

// A fixed seed keeps CI deterministic; FUZZ_SEED=random explores, FUZZ_SEED=<n> (with FUZZ_PATH
// from a failure report) replays. FUZZ_RUNS scales every property at once for a longer soak.
const DEFAULT_SEED = 20_250_301;

export function fuzzParameters<T>(defaultRuns: number): fc.Parameters<T> {
  const seedSetting = process.env.FUZZ_SEED;
  const seed =
    seedSetting === 'random'
      ? Date.now() ^ (Math.random() * 0x100000000)
      : Number(seedSetting ?? DEFAULT_SEED);
  const scale = Number(process.env.FUZZ_RUNS_SCALE ?? 1);
  return {
    seed,
    numRuns: Math.max(1, Math.round(defaultRuns * scale)),
    path: process.env.FUZZ_PATH,
  };
}
