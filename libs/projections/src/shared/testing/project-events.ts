import type { RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { checkpointName, physicalCollection, physicalIndexes } from '../../runtime/generation';
import type { Projection } from '../../runtime/projection';
import { BatchUnitOfWork } from '../../runtime/unit-of-work';

/** A projection applied in a test: where its collections live and the position it reached. */
export interface ProjectedReadModel {
  collection(logical: string): string;
  position: string;
}

/**
 * Applies `events` to `projection` the way the runtime does (one batch, one atomic commit with
 * the checkpoint, into generation 1's physical collections) without a subscription, so a test
 * goes from events to the view's answer with no timing involved.
 */
export async function projectEvents(
  readStore: ReadStore,
  projection: Projection,
  events: readonly RecordedEvent[],
): Promise<ProjectedReadModel> {
  const generation = { projection: projection.name, generation: 1, version: projection.version };
  const collection = (logical: string): string => {
    if (!projection.collections.includes(logical)) {
      throw new Error(`${projection.name} declares no collection ${logical}`);
    }
    return physicalCollection(generation, logical);
  };
  await readStore.ensureIndexes(physicalIndexes(generation, projection.indexes));
  const name = checkpointName(generation);
  const expectedCheckpoint = await readStore.checkpoint(name);
  const work = new BatchUnitOfWork(readStore, collection);
  for (const event of events) await projection.apply(event, work);
  const position = events.at(-1)?.position ?? expectedCheckpoint ?? '0';
  await readStore.applyBatch({
    projection: name,
    writes: work.writes(),
    expectedCheckpoint,
    checkpoint: position,
  });
  return { collection, position };
}
