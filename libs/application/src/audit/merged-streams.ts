import type { EventStore, RecordedEvent } from '@chronicle/event-store';
import { firstRevisionAfter } from './first-revision-after';
import { comparePositionText, PositionHeap } from './position-order';

/** A stream of a customer's history, and the position before which it has no event of interest. */
export interface StreamToMerge {
  streamId: string;
  /** A lower bound of the stream's first position (the history index's `firstPosition`). */
  firstPosition?: string;
}

export interface MergeOptions {
  /** Exclusive: only events after this global position. */
  after?: string;
  /** Events read per stream and round trip; bounds memory to streams × chunk. */
  chunkSize?: number;
}

const DEFAULT_CHUNK = 256;

/**
 * Yields the events of `streams` in global (position) order, reading each stream forwards in
 * bounded chunks and merging them with a heap, so a caller that stops early (a page, an as-of
 * position) reads little more than it uses and an export never holds the whole history.
 */
export async function* eventsInPositionOrder(
  eventStore: EventStore,
  streams: readonly StreamToMerge[],
  options: MergeOptions = {},
): AsyncGenerator<RecordedEvent> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const heap = new PositionHeap<StreamCursor>();
  const cursors = await Promise.all(
    streams.map(async (stream) => {
      const from = await startRevision(eventStore, stream, options.after);
      return from === undefined
        ? undefined
        : StreamCursor.open(eventStore, stream.streamId, from, chunkSize);
    }),
  );
  for (const cursor of cursors) if (cursor) heap.push(cursor);
  for (let cursor = heap.pop(); cursor; cursor = heap.pop()) {
    yield cursor.head();
    // Most steps stay inside a chunk: no await, so no microtask per event.
    const more = cursor.advance();
    if (more === true || (more !== false && (await more))) heap.push(cursor);
  }
}

async function startRevision(
  eventStore: EventStore,
  stream: StreamToMerge,
  after: string | undefined,
): Promise<number | undefined> {
  if (after === undefined) return 0;
  // The common case of a page: streams that began after the cursor need no search.
  if (stream.firstPosition !== undefined && comparePositionText(stream.firstPosition, after) > 0) {
    return 0;
  }
  return firstRevisionAfter(eventStore, stream.streamId, after);
}

/** Reads one stream forwards, a chunk at a time. */
class StreamCursor {
  private index = 0;

  private constructor(
    private readonly eventStore: EventStore,
    private readonly streamId: string,
    private chunk: RecordedEvent[],
    private readonly chunkSize: number,
  ) {}

  static async open(
    eventStore: EventStore,
    streamId: string,
    fromRevision: number,
    chunkSize: number,
  ): Promise<StreamCursor | undefined> {
    const chunk = await eventStore.readStream(streamId, { fromRevision, maxCount: chunkSize });
    return chunk.length === 0
      ? undefined
      : new StreamCursor(eventStore, streamId, chunk, chunkSize);
  }

  head(): RecordedEvent {
    return this.chunk[this.index]!;
  }

  /** Moves to the next event; false when the stream has no more, a promise when it must read. */
  advance(): boolean | Promise<boolean> {
    this.index += 1;
    if (this.index < this.chunk.length) return true;
    if (this.chunk.length < this.chunkSize) return false;
    return this.readNextChunk();
  }

  private async readNextChunk(): Promise<boolean> {
    const fromRevision = this.chunk[this.chunk.length - 1]!.revision + 1;
    this.chunk = await this.eventStore.readStream(this.streamId, {
      fromRevision,
      maxCount: this.chunkSize,
    });
    this.index = 0;
    return this.chunk.length > 0;
  }
}
