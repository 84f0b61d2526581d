import { comparePositions, type EventStore } from '../../event-store.port';

/**
 * The first revision of `streamId` whose global position is after `after`, or undefined when
 * the stream has no such event. Positions grow with revisions inside a stream, so a binary search
 * over single-event reads finds it in about log2(length) point reads, whatever the store.
 */
export async function firstRevisionAfter(
  eventStore: Pick<EventStore, 'readStream'>,
  streamId: string,
  after: string,
): Promise<number | undefined> {
  const [last] = await eventStore.readStream(streamId, { direction: 'backwards', maxCount: 1 });
  if (!last || comparePositions(last.position, after) <= 0) return undefined;
  let low = 0;
  let high = last.revision;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const [event] = await eventStore.readStream(streamId, { fromRevision: middle, maxCount: 1 });
    if (event && comparePositions(event.position, after) > 0) high = middle;
    else low = middle + 1;
  }
  return low;
}
