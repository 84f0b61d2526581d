import type { RebuildRuntime } from './projection-rebuilds';

/** Progress of a rebuild job: positions done and total, as GET /admin/projections shows them. */
export interface RebuildJobProgress {
  projection: string;
  /** The runtime's own rebuild id, the one GET /admin/projections shows. */
  rebuildId: string;
  done: string;
  total: string;
}

/**
 * Runs one rebuild to its switch, reporting progress every `everyMs` until the new generation
 * serves. Rejects when the rebuild fails.
 */
export async function runRebuild(
  runtime: RebuildRuntime,
  projection: string,
  report: (progress: RebuildJobProgress) => Promise<void>,
  everyMs = 500,
): Promise<RebuildJobProgress> {
  const { jobId } = await runtime.rebuild(projection);
  const progress = async (): Promise<RebuildJobProgress> => {
    const status = (await runtime.status()).projections.find((p) => p.name === projection);
    const rebuild = status?.rebuild?.jobId === jobId ? status.rebuild : undefined;
    return {
      projection,
      rebuildId: jobId,
      done: rebuild?.done ?? '0',
      total: rebuild?.total ?? '0',
    };
  };
  let finished = false;
  const switched = runtime.waitForRebuild(projection, jobId, 24 * 60 * 60 * 1000).finally(() => {
    finished = true;
  });
  while (!finished) {
    await report(await progress());
    await Promise.race([switched.catch(() => undefined), delay(everyMs)]);
  }
  await switched;
  const last = await progress();
  await report(last);
  return last;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
