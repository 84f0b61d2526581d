import { comparePositions, type EventStore, type RecordedEvent } from '@chronicle/event-store';
import { PositionBeyondHeadError } from './feed-errors';
import { type FeedFilter, matchesFeedFilter, toStoreFilter } from './feed-filter';

export interface FeedPageRequest {
  /** Exclusive; '0' reads from the first event. */
  after: string;
  /** Most events in the page. */
  limit: number;
  filter: FeedFilter;
  /** How long to wait for a first matching event when there is none yet; 0 answers at once. */
  waitMs: number;
  /** Ends the wait early (the caller went away, the server stops). */
  signal?: AbortSignal;
}

/** One page of the feed: `next` is the `after` of the following page, past filtered-out events. */
export interface FeedPage {
  events: RecordedEvent[];
  next: string;
  head: string;
}

/**
 * Reads a page of the store's events strictly after `after`, in global order, through the port's
 * subscription: its checkpoint says how far the filtered read got, so `next` moves past events
 * the filter left out, and when nothing matches yet the same subscription waits for new commits
 * instead of polling. Only committed events are read, so no crash can take one back.
 * @throws PositionBeyondHeadError when `after` is beyond the store's head.
 */
export async function readFeedPage(store: EventStore, request: FeedPageRequest): Promise<FeedPage> {
  const { after, limit, filter, waitMs } = request;
  const headBefore = await assertWithinHead(store, after);
  if (waitMs === 0 && comparePositions(after, headBefore) >= 0) {
    return { events: [], next: after, head: headBefore };
  }
  const stop = new AbortController();
  const deadline = waitMs > 0 ? setTimeout(() => stop.abort(), waitMs) : undefined;
  const signal = AbortSignal.any([stop.signal, ...(request.signal ? [request.signal] : [])]);
  const events: RecordedEvent[] = [];
  let next = after;
  try {
    const batches = store.subscribe({
      after,
      filter: toStoreFilter(filter),
      batchSize: limit,
      signal,
    });
    for await (const batch of batches) {
      events.push(...batch.events.filter((event) => matchesFeedFilter(event, filter)));
      if (comparePositions(batch.checkpoint, next) > 0) next = batch.checkpoint;
      if (events.length > 0 || waitMs === 0 || signal.aborted) break;
    }
  } finally {
    clearTimeout(deadline);
    stop.abort();
  }
  if (events.length > limit) {
    // A page ends inside a batch only when the port handed out more than asked; resume there.
    events.length = limit;
    next = events[limit - 1]!.position;
  }
  const head = await store.headPosition();
  return { events, next: notBeyond(next, head, events), head };
}

/**
 * A subscription's checkpoint may pass the head the port reports (EventStoreDB's system events
 * follow the last user event); only events the port never shows lie between them, so the head
 * is as good a place to resume, and a `next` never exceeds a head a reader has seen.
 */
function notBeyond(next: string, head: string, events: readonly RecordedEvent[]): string {
  const last = events.at(-1)?.position;
  const capped = comparePositions(next, head) > 0 ? head : next;
  return last !== undefined && comparePositions(capped, last) < 0 ? last : capped;
}

/** The store's head; throws PositionBeyondHeadError when `after` lies beyond it. */
export async function assertWithinHead(store: EventStore, after: string): Promise<string> {
  const head = await store.headPosition();
  if (comparePositions(after, head) > 0) throw new PositionBeyondHeadError(after, head);
  return head;
}
