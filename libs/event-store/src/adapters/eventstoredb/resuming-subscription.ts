import { setTimeout as delay } from 'node:timers/promises';
import type { AllStreamResolvedEvent, Position } from '@eventstore/db-client';
import { START_POSITION, type SubscriptionBatch } from '../../event-store.port';
import { ClientFeed, type OpenSubscription } from './client-feed';
import { takeBatch, type FeedItem } from './feed-items';
import { positionAfter, positionToString } from './positions';

export interface ResumingSubscriptionOptions {
  open: OpenSubscription;
  /** The last position of $all, system events included. */
  readHead: () => Promise<Position | undefined>;
  toItem: (resolved: AllStreamResolvedEvent, position: Position) => FeedItem;
  after?: string;
  batchSize: number;
  signal: AbortSignal;
  isTransient: (error: unknown) => boolean;
  toPortError: (error: unknown) => unknown;
  /** Failed subscribes in a row before giving up. */
  maxAttempts?: number;
  /** Waits before the next attempt; must return at once when `signal` aborts. */
  backoff?: (attempt: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Batches from a $all subscription, resubscribing after a drop: the client does not, and leaves
 * the stream errored. It resubscribes after the last item handed out, so the events a consumer
 * has seen are neither lost nor repeated across the drop.
 */
export async function* resumingSubscription(
  options: ResumingSubscriptionOptions,
): AsyncGenerator<SubscriptionBatch> {
  const { signal, batchSize } = options;
  const maxAttempts = options.maxAttempts ?? 10;
  const backoff = options.backoff ?? exponentialBackoff;
  let resumeAt = positionAfter(options.after);
  let checkpoint = resumeAt;
  let failures = 0;
  let feed: ClientFeed | undefined;
  const giveUpOrWait = async (error: unknown): Promise<void> => {
    failures += 1;
    if (!options.isTransient(error) || failures >= maxAttempts) throw options.toPortError(error);
    await backoff(failures, signal);
  };
  // Aborting lets go of the server at once, even while the consumer holds a batch and pulls no more.
  const letGo = (): void => void feed?.close();
  signal.addEventListener('abort', letGo);
  try {
    while (!signal.aborted) {
      if (!feed) {
        try {
          const headAtStart = await options.readHead();
          feed = new ClientFeed({
            open: options.open,
            toItem: options.toItem,
            after: resumeAt,
            headAtStart,
            highWater: Math.max(2 * batchSize, 64),
          });
        } catch (error) {
          await giveUpOrWait(error);
          continue;
        }
      }
      await feed.waitForItems(signal);
      if (signal.aborted) break;
      if (feed.items.length === 0) {
        if (!feed.failed) continue;
        const dropped = feed;
        feed = undefined;
        await dropped.close();
        await giveUpOrWait(dropped.failure);
        continue;
      }
      failures = 0;
      const batch = takeBatch(feed.items, batchSize);
      feed.consume(batch.taken);
      resumeAt = batch.resumeAt ?? resumeAt;
      const advanced =
        batch.checkpoint !== undefined &&
        (checkpoint === undefined || batch.checkpoint.commit > checkpoint.commit);
      if (advanced) checkpoint = batch.checkpoint;
      if (batch.events.length === 0 && !advanced) continue;
      yield {
        events: batch.events,
        checkpoint: checkpoint ? positionToString(checkpoint) : START_POSITION,
      };
    }
  } finally {
    signal.removeEventListener('abort', letGo);
    await feed?.close();
  }
}

/** A lone drop (a leader change, a reset connection) usually reconnects at once; an outage does not. */
async function exponentialBackoff(attempt: number, signal: AbortSignal): Promise<void> {
  if (attempt === 1) return;
  try {
    await delay(Math.min(50 * 2 ** attempt, 5_000), undefined, { signal });
  } catch {
    // Aborted: the loop sees the signal and ends.
  }
}
