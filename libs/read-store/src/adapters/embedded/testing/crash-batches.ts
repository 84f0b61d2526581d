import type { DocumentWrite } from '../../../read-store.port';

export const CRASH_PROJECTION = 'crash';
export const ENTRIES_PER_BATCH = 20;
export const RECENT_KEPT = 5;

/**
 * Batch number `position`: the counter says `position`, 20 new log entries, a `recent` document
 * for it while the one from five batches ago is deleted. After any number of whole batches,
 * every document follows from the checkpoint alone.
 */
export function crashBatchWrites(position: number): DocumentWrite[] {
  const writes: DocumentWrite[] = [
    { kind: 'put', collection: 'counter', document: { _id: 'counter', position } },
    { kind: 'put', collection: 'recent', document: { _id: `recent-${position}`, position } },
  ];
  if (position > RECENT_KEPT) {
    writes.push({ kind: 'delete', collection: 'recent', id: `recent-${position - RECENT_KEPT}` });
  }
  for (let entry = 0; entry < ENTRIES_PER_BATCH; entry += 1) {
    writes.push({
      kind: 'put',
      collection: 'log',
      document: { _id: `${position}-${entry}`, position, entry, text: 'x'.repeat(200) },
    });
  }
  return writes;
}
