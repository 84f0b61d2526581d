import {
  UnavailableError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';
import type { FeedItem } from './feed-items';
import { comparePosition, positionOf, readFrom } from './positions';

export type OpenSubscription = (
  from: ReadPosition,
  checkpointReached: (subscription: AllStreamSubscription, position: Position) => void,
) => AllStreamSubscription;

export interface ClientFeedOptions {
  open: OpenSubscription;
  /** Exclusive; absent subscribes from the first event. */
  after?: Position;
  /**
   * The last position of $all read just before subscribing. Once the server reports the
   * subscription caught up, everything up to it has been scanned, even if the filter let nothing
   * through and no checkpoint came; so an idle filtered subscriber still reaches the head.
   */
  headAtStart?: Position;
  toItem: (resolved: AllStreamResolvedEvent, position: Position) => FeedItem;
  /** Items held before the client stream is paused. */
  highWater: number;
}

/** The server fills a position it does not know with the largest unsigned 64-bit value. */
const OUTSIDE_THE_LOG = 2n ** 64n - 1n;

/**
 * One client subscription, turned from pushed events into a queue the consumer drains: when the
 * queue is full the client stream is paused, which stops its gRPC reads and so the server.
 *
 * Server checkpoints are not trusted on their own: known server versions have sent one at the
 * position the next event was about to take, at the end of the log with prepare 0, or outside the
 * log (docs/architecture.md). A checkpoint is held back until a later item moves past its commit
 * position, or until our own read of the head covers it; an event is never dropped because a
 * checkpoint claimed its position, only as the repeat of an event already queued.
 */
export class ClientFeed {
  readonly items: FeedItem[] = [];
  failed = false;
  failure: unknown;
  private readonly subscription: AllStreamSubscription;
  private readonly marks: { afterDelivered: number; position: Position; trusted: boolean }[] = [];
  /** The last event queued (or where the subscription started): anything not after it is a repeat. */
  private lastEvent: Position | undefined;
  /** The last position queued, event or checkpoint. */
  private lastItem: Position | undefined;
  /** A server checkpoint past `lastItem` that no later item has confirmed yet. */
  private unconfirmed: Position | undefined;
  private delivered = 0;
  private paused = false;
  private closed = false;
  private closing: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: ClientFeedOptions) {
    this.lastEvent = this.lastItem = options.after;
    this.subscription = options.open(readFrom(options.after), (_, position) =>
      this.mark(position, false),
    );
    this.subscription.on('data', (resolved) => this.receive(resolved));
    this.subscription.on('caughtUp', () => {
      if (options.headAtStart) this.mark(options.headAtStart, true);
    });
    this.subscription.on('error', (error) => this.stop(error));
    // A $all subscription never ends by itself; if the server closes it, it is gone like a drop.
    const ended = (): void =>
      this.stop(new UnavailableError(undefined, 'the server ended the subscription'));
    this.subscription.on('end', ended).on('close', ended);
  }

  /** Resolves once there is an item or a failure, or `signal` aborts. */
  async waitForItems(signal: AbortSignal): Promise<void> {
    if (this.items.length > 0 || this.failed || signal.aborted) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        signal.removeEventListener('abort', done);
        this.wake = undefined;
        resolve();
      };
      this.wake = done;
      signal.addEventListener('abort', done);
    });
  }

  consume(count: number): void {
    this.items.splice(0, count);
    if (this.paused && this.items.length < this.options.highWater / 2) {
      this.paused = false;
      this.subscription.resume();
    }
  }

  /** Cancels the gRPC call; every caller waits for the same cancellation. */
  close(): Promise<void> {
    this.closing ??= this.cancel();
    return this.closing;
  }

  private async cancel(): Promise<void> {
    this.closed = true;
    try {
      await this.subscription.unsubscribe();
    } catch {
      // The gRPC call never opened (the server was unreachable): there is nothing to cancel.
    }
    this.subscription.destroy();
  }

  private receive(resolved: AllStreamResolvedEvent): void {
    if (this.closed) return;
    this.delivered += 1;
    const position = positionOf(resolved);
    const before = this.items.length;
    try {
      if (position) this.queueEvent(this.options.toItem(resolved, position));
    } catch (error) {
      // Thrown from inside the client's stream, it would surface nowhere the consumer looks.
      this.stop(error);
      return;
    }
    this.applyMarks(before);
    if (!this.paused && this.items.length >= this.options.highWater) {
      this.paused = true;
      this.subscription.pause();
    }
  }

  /**
   * The client reports checkpoints and caught-up while it transforms the server's messages, when
   * events transformed before may still wait in its readable buffer; applying the mark at once
   * would put it ahead of them, and a checkpoint ahead of an unhandled event skips that event.
   * `trusted` marks come from our own read of $all, not from the server's checkpoint.
   */
  private mark(position: Position, trusted: boolean): void {
    if (this.closed) return;
    this.marks.push({
      afterDelivered: this.delivered + this.subscription.readableLength,
      position,
      trusted,
    });
    this.applyMarks(this.items.length);
  }

  private applyMarks(before: number): void {
    while (this.marks[0] && this.marks[0].afterDelivered <= this.delivered) {
      const { position, trusted } = this.marks.shift()!;
      if (trusted) this.queueHead(position);
      else this.holdCheckpoint(position);
    }
    // Woken only for new items: a consumer woken for nothing would take it for a drop.
    if (this.items.length > before) this.wake?.();
  }

  private queueEvent(item: FeedItem): void {
    if (this.lastEvent && comparePosition(item.position, this.lastEvent) <= 0) return;
    this.confirmBelow(item.position.commit);
    if (this.unconfirmed && comparePosition(this.unconfirmed, item.position) <= 0) {
      this.unconfirmed = undefined;
    }
    this.lastEvent = item.position;
    this.queue(item);
  }

  /** Our own head read: every event up to it has been sent once the server says caught up. */
  private queueHead(head: Position): void {
    if (this.unconfirmed && this.unconfirmed.commit <= head.commit) this.unconfirmed = undefined;
    if (this.lastItem && head.commit <= this.lastItem.commit) return;
    this.queue({ position: closedAt(head.commit), closed: true });
  }

  private holdCheckpoint(checkpoint: Position): void {
    if (checkpoint.commit >= OUTSIDE_THE_LOG) return;
    if (this.lastItem && checkpoint.commit <= this.lastItem.commit) return;
    this.confirmBelow(checkpoint.commit);
    if (!this.unconfirmed || comparePosition(checkpoint, this.unconfirmed) > 0) {
      this.unconfirmed = checkpoint;
    }
  }

  /**
   * A held checkpoint becomes an item once something comes from beyond its commit: no event at
   * that commit can follow any more. It stands at (commit, commit), the position a consumer
   * resumes from when it stores the checkpoint.
   */
  private confirmBelow(commit: bigint): void {
    const held = this.unconfirmed;
    if (!held || held.commit >= commit) return;
    this.unconfirmed = undefined;
    this.queue({ position: closedAt(held.commit), closed: true });
  }

  private queue(item: FeedItem): void {
    this.lastItem = item.position;
    this.items.push(item);
  }

  private stop(error: unknown): void {
    if (this.closed || this.failed) return;
    this.failed = true;
    this.failure = error ?? new UnavailableError(undefined, 'the subscription failed');
    this.wake?.();
  }
}

function closedAt(commit: bigint): Position {
  return { commit, prepare: commit };
}
