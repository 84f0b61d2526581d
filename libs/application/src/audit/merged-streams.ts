import type { EventStore, RecordedEvent } from '@chronicle/event-store';

/** A stream of a customer's history. */
export interface StreamToMerge {
  streamId: string;
}

export interface MergeOptions {
  /** Exclusive: only events after this global position. */
  after?: string;
  /** Most events read per round trip; bounds memory whatever the history's length. */
  chunkSize?: number;
  /** Events read by the first round trip (the pages then double up to `chunkSize`). */
  firstChunkSize?: number;
}

const FIRST_CHUNK = 128;
const DEFAULT_MAX_CHUNK = 8192;

/**
 * Yields the events of `streams` in global (position) order, a page at a time, so a caller that
 * stops early (a page, an as-of position) reads little more than it uses and an export never
 * holds the whole history. Pages start small and double: a page of 100 costs one small read, and
 * a replay of 10,000 events a handful of large ones (each read sorts the positions still ahead).
 */
export async function* eventsInPositionOrder(
  eventStore: EventStore,
  streams: readonly StreamToMerge[],
  options: MergeOptions = {},
): AsyncGenerator<RecordedEvent> {
  for await (const page of pagesInPositionOrder(eventStore, streams, options)) yield* page;
}

/**
 * The same events as {@link eventsInPositionOrder}, a page at a time: a fold over thousands of
 * events then pays one asynchronous step per page instead of one per event.
 */
export async function* pagesInPositionOrder(
  eventStore: EventStore,
  streams: readonly StreamToMerge[],
  options: MergeOptions = {},
): AsyncGenerator<RecordedEvent[]> {
  const streamIds = streams.map(({ streamId }) => streamId);
  const largest = options.chunkSize ?? DEFAULT_MAX_CHUNK;
  let maxCount = Math.min(options.firstChunkSize ?? FIRST_CHUNK, largest);
  let after = options.after;
  for (;;) {
    const page = await eventStore.readStreams(streamIds, { after, maxCount });
    if (page.length > 0) yield page;
    if (page.length < maxCount) return;
    after = page[page.length - 1]!.position;
    maxCount = Math.min(maxCount * 2, largest);
  }
}
