import {
  comparePositions,
  type EventStore,
  type ReadStreamsOptions,
  type RecordedEvent,
} from '../../event-store.port';
import { firstRevisionAfter } from './first-revision-after';

/**
 * `readStreams` for a server that reads one stream at a time: each stream from its first event
 * after `after`, at most `maxCount` events from each (no stream can contribute more to the page),
 * merged by global position. Costs a read per stream, plus a binary search per stream when paging.
 */
export async function readStreamsByMerging(
  store: Pick<EventStore, 'readStream'>,
  streamIds: readonly string[],
  options: ReadStreamsOptions = {},
): Promise<RecordedEvent[]> {
  const { after, maxCount } = options;
  const perStream = await Promise.all(
    [...new Set(streamIds)].map(async (streamId) => {
      const fromRevision =
        after === undefined ? 0 : await firstRevisionAfter(store, streamId, after);
      if (fromRevision === undefined) return [];
      return store.readStream(streamId, { fromRevision, maxCount });
    }),
  );
  const merged = perStream.flat().sort((a, b) => comparePositions(a.position, b.position));
  return maxCount === undefined ? merged : merged.slice(0, maxCount);
}
