import type { EventStore, RecordedEvent } from '@chronicle/event-store';

/** A stream of a customer's history. */
export interface StreamToMerge {
  streamId: string;
}

export interface MergeOptions {
  /** Exclusive: only events after this global position. */
  after?: string;
  /** Events read per round trip; bounds memory whatever the history's length. */
  chunkSize?: number;
}

const DEFAULT_CHUNK = 1000;

/**
 * Yields the events of `streams` in global (position) order, a page at a time, so a caller that
 * stops early (a page, an as-of position) reads little more than it uses and an export never
 * holds the whole history.
 */
export async function* eventsInPositionOrder(
  eventStore: EventStore,
  streams: readonly StreamToMerge[],
  options: MergeOptions = {},
): AsyncGenerator<RecordedEvent> {
  const streamIds = streams.map(({ streamId }) => streamId);
  const maxCount = options.chunkSize ?? DEFAULT_CHUNK;
  let after = options.after;
  for (;;) {
    const page = await eventStore.readStreams(streamIds, { after, maxCount });
    yield* page;
    if (page.length < maxCount) return;
    after = page[page.length - 1]!.position;
  }
}
