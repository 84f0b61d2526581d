import type { ReadStore } from '@chronicle/read-store';
import type { ChronicleMetrics } from './chronicle-metrics';
import { errorOutcome, secondsSince } from './outcome';
import { wrapMethod } from './wrap-method';

/**
 * Times each commit of projection batches: the projectors at one position apply a page of the log
 * and commit all their batches in one read-store transaction, so one observation is one page.
 * Answers the function that stops observing.
 */
export function observeReadStore(readStore: ReadStore, metrics: ChronicleMetrics): () => void {
  return wrapMethod(readStore, 'applyBatches', (applyBatches) => async (batches) => {
    const started = performance.now();
    try {
      await applyBatches(batches);
      metrics.projectionCommitDuration.observe({ outcome: 'committed' }, secondsSince(started));
      metrics.projectionCommitWrites.observe(
        batches.reduce((writes, batch) => writes + batch.writes.length, 0),
      );
    } catch (error) {
      metrics.projectionCommitDuration.observe(
        { outcome: errorOutcome(error) },
        secondsSince(started),
      );
      throw error;
    }
  });
}
