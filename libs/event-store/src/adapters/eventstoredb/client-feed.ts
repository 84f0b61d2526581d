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

/**
 * One client subscription, turned from pushed events into a queue the consumer drains: when the
 * queue is full the client stream is paused, which stops its gRPC reads and so the server.
 */
export class ClientFeed {
  readonly items: FeedItem[] = [];
  failed = false;
  failure: unknown;
  private readonly subscription: AllStreamSubscription;
  private readonly marks: { afterDelivered: number; position: Position }[] = [];
  private last: Position | undefined;
  private delivered = 0;
  private paused = false;
  private closed = false;
  private closing: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: ClientFeedOptions) {
    this.last = options.after;
    // A server checkpoint may come with prepare 0; resuming from (commit, commit) is the use the
    // server guarantees (KurrentDB #4975), and the same one a consumer's stored checkpoint gets.
    this.subscription = options.open(readFrom(options.after), (_, { commit }) =>
      this.mark({ commit, prepare: commit }),
    );
    this.subscription.on('data', (resolved) => this.receive(resolved));
    this.subscription.on('caughtUp', () => {
      if (options.headAtStart) this.mark(options.headAtStart);
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
    try {
      if (position) this.push(this.options.toItem(resolved, position));
    } catch (error) {
      // Thrown from inside the client's stream, it would surface nowhere the consumer looks.
      this.stop(error);
      return;
    }
    this.applyMarks();
    if (!this.paused && this.items.length >= this.options.highWater) {
      this.paused = true;
      this.subscription.pause();
    }
  }

  /**
   * The client reports checkpoints and caught-up while it transforms the server's messages, when
   * events transformed before may still wait in its readable buffer; applying the mark at once
   * would put it ahead of them, and a checkpoint ahead of an unhandled event skips that event.
   */
  private mark(position: Position): void {
    if (this.closed) return;
    this.marks.push({
      afterDelivered: this.delivered + this.subscription.readableLength,
      position,
    });
    this.applyMarks();
  }

  private applyMarks(): void {
    while (this.marks[0] && this.marks[0].afterDelivered <= this.delivered) {
      this.push({ position: this.marks.shift()!.position, closed: true });
    }
    this.wake?.();
  }

  private push(item: FeedItem): void {
    if (this.last && comparePosition(item.position, this.last) <= 0) return;
    this.last = item.position;
    this.items.push(item);
  }

  private stop(error: unknown): void {
    if (this.closed || this.failed) return;
    this.failed = true;
    this.failure = error;
    this.wake?.();
  }
}
