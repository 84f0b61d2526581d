import type { ProjectorRuntime } from '@chronicle/projections';

/**
 * Waits for `minPosition` if asked, then the position the projections serve reads at. The
 * position is read before the documents, so the answer is at least that recent.
 */
export async function readPosition(
  runtime: ProjectorRuntime,
  projections: string | string[],
  minPosition: string | undefined,
): Promise<string> {
  if (minPosition !== undefined) await runtime.waitForPosition(projections, minPosition);
  return runtime.position(projections);
}
