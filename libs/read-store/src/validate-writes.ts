import type { DocumentWrite } from './read-store.port';

/** Refuses a batch with a write no adapter could store, before anything of it is written. */
export function assertWritable(writes: readonly DocumentWrite[]): void {
  for (const write of writes) {
    const id = write.kind === 'put' ? (write.document as { _id?: unknown })._id : write.id;
    if (typeof id !== 'string' || id === '') {
      throw new TypeError(`A ${write.kind} in ${write.collection} needs a non-empty string _id`);
    }
  }
}
