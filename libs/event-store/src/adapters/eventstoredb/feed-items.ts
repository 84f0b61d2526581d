import type { Position } from '@eventstore/db-client';
import type { RecordedEvent } from '../../event-store.port';

/**
 * One step of a subscription in $all order: an event the filter kept, or just a position the
 * subscription has passed (an event the filter left out, a server checkpoint, the caught-up mark).
 * `closed` says no later item can share its commit position: false only for events of explicit
 * transactions, whose siblings may still be on their way.
 */
export interface FeedItem {
  position: Position;
  event?: RecordedEvent;
  closed: boolean;
}

export interface TakenBatch {
  events: RecordedEvent[];
  /** Items used up, from the front. */
  taken: number;
  /** The last item taken: where to resubscribe after a drop, exact even inside a transaction. */
  resumeAt?: Position;
  /** The last taken position no later item can share: safe to give out as a checkpoint. */
  checkpoint?: Position;
}

/**
 * Takes up to `batchSize` events from the front of `items`, with the positions in between. A
 * checkpoint is a bare commit position, and resuming after it skips every event at that commit;
 * so a batch that ends inside a transaction whose rest has not arrived yet keeps the checkpoint
 * before that transaction.
 */
export function takeBatch(items: readonly FeedItem[], batchSize: number): TakenBatch {
  const events: RecordedEvent[] = [];
  let taken = 0;
  let checkpoint: Position | undefined;
  for (const item of items) {
    if (item.event && events.length >= batchSize) break;
    taken += 1;
    if (item.event) events.push(item.event);
    const next = items[taken];
    if (item.closed || (next !== undefined && next.position.commit > item.position.commit)) {
      checkpoint = item.position;
    }
  }
  return { events, taken, resumeAt: items[taken - 1]?.position, checkpoint };
}
