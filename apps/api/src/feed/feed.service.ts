import { Inject, Injectable } from '@nestjs/common';
import {
  assertWithinHead,
  type FeedEvent,
  type FeedFilter,
  matchesFeedFilter,
  PositionBeyondHeadError,
  readFeedPage,
  toFeedEvent,
  toStoreFilter,
} from '@chronicle/change-feed';
import { UpcastingReader } from '@chronicle/application';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { validationFailed } from '@chronicle/platform';

/** The body of `GET /feed`. */
export interface FeedAnswer {
  events: FeedEvent[];
  next: string;
  head: string;
}

/** Events pulled from the store per step of a stream: what a slow reader can hold in memory. */
const STREAM_BATCH = 100;

/** Reads the change feed (docs/feed.md): pages and endless streams, data decrypted and upcast. */
@Injectable()
export class FeedService {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(UpcastingReader) private readonly reader: UpcastingReader,
  ) {}

  async page(request: {
    after: string;
    limit: number;
    filter: FeedFilter;
    waitMs: number;
    signal: AbortSignal;
  }): Promise<FeedAnswer> {
    const page = await refusingBeyondHead('after', () => readFeedPage(this.eventStore, request));
    const events = await Promise.all(page.events.map((event) => toFeedEvent(this.reader, event)));
    return { events, next: page.next, head: page.head };
  }

  /** Refuses a start beyond the head (400 naming `field`) before a stream is opened. */
  async checkStart(after: string, field: string): Promise<void> {
    await refusingBeyondHead(field, () => assertWithinHead(this.eventStore, after));
  }

  /**
   * Every matching event after `after`, then the new ones as they are stored, until `signal`
   * aborts. The consumer pulls: the store is read for the next events only when it asks.
   */
  async *follow(after: string, filter: FeedFilter, signal: AbortSignal): AsyncGenerator<FeedEvent> {
    const batches = this.eventStore.subscribe({
      after,
      filter: toStoreFilter(filter),
      batchSize: STREAM_BATCH,
      signal,
    });
    for await (const batch of batches) {
      for (const event of batch.events) {
        if (matchesFeedFilter(event, filter)) yield await toFeedEvent(this.reader, event);
      }
    }
  }
}

async function refusingBeyondHead<T>(field: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof PositionBeyondHeadError)) throw error;
    throw validationFailed([{ field, problems: [error.message] }], error.message);
  }
}
