import type { DocumentWrite, ProjectionBatch } from './read-store.port';

/** Refuses a batch with a write no adapter could store, before anything of it is written. */
export function assertWritable(writes: readonly DocumentWrite[]): void {
  for (const write of writes) {
    const id = write.kind === 'put' ? (write.document as { _id?: unknown })._id : write.id;
    if (typeof id !== 'string' || id === '') {
      throw new TypeError(`A ${write.kind} in ${write.collection} needs a non-empty string _id`);
    }
  }
}

/** Refuses batches that name a projection twice, or hold a write no adapter could store. */
export function assertBatchesWritable(batches: readonly ProjectionBatch[]): void {
  const projections = new Set<string>();
  for (const batch of batches) {
    if (projections.has(batch.projection)) {
      throw new TypeError(`Projection ${batch.projection} is named twice in one call`);
    }
    projections.add(batch.projection);
    assertWritable(batch.writes);
  }
}
