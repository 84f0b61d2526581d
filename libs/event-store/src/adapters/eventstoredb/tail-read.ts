import type { ExpectedRevision, RecordedEvent } from '../../event-store.port';
import type { EsdbClient } from './esdb-client';
import { readStreamEvents } from './stream-reads';

/** Events read beyond the append's own size on the first read: most retries stand there. */
const RETRY_LOOKBACK = 32;
const PAGE = 512;

/**
 * The stream's last events, in revision order, for planning an append of `ids`. Under `any` and
 * `stream_exists` an earlier attempt of the same append may stand anywhere in the stream, and
 * EventStoreDB keeps no index by event id: when the first read does not reach the start and
 * misses some id, older pages are read back to the first event, keeping only the events that
 * carry one of the ids. Under a revision or `no_stream`, the plan reads where a retry stands.
 */
export async function readTail(
  client: EsdbClient,
  streamId: string,
  expected: ExpectedRevision,
  ids: readonly string[],
): Promise<RecordedEvent[]> {
  const maxCount = ids.length + RETRY_LOOKBACK;
  const tail = await readStreamEvents(client, streamId, { direction: 'backwards', maxCount });
  tail.reverse();
  const anywhere = expected === 'any' || expected === 'stream_exists';
  if (!anywhere || tail.length < maxCount) return tail;
  const missing = new Set(ids);
  for (const event of tail) missing.delete(event.eventId);
  const older: RecordedEvent[] = [];
  let before = tail[0]!.revision - 1;
  while (missing.size > 0 && before >= 0) {
    const page = await readStreamEvents(client, streamId, {
      direction: 'backwards',
      fromRevision: before,
      maxCount: PAGE,
    });
    if (page.length === 0) break;
    for (const event of page) {
      if (missing.delete(event.eventId) || ids.includes(event.eventId)) older.push(event);
    }
    before = page[page.length - 1]!.revision - 1;
  }
  return [...older.reverse(), ...tail];
}
