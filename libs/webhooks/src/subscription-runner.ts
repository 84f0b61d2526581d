import { type FeedFilter, matchesFeedFilter, toStoreFilter } from '@chronicle/change-feed';
import { comparePositions, type EventStore, type RecordedEvent } from '@chronicle/event-store';
import { KeyedLock, Slots } from './concurrency';
import type { DeliveryAttempts } from './delivery-attempts';
import { deliveryIdOf } from './delivery-ids';
import { OwedDeliveries } from './owed-deliveries';
import type { RetryPolicy } from './retry-policy';
import type { NewDelivery, WebhookStore } from './webhook-store.port';
import type { Webhook } from './webhook-types';

export interface RunnerDependencies {
  eventStore: EventStore;
  store: WebhookStore;
  attempts: DeliveryAttempts;
  retry: RetryPolicy;
  clock: () => number;
  /** Arms the wake-up of a failed delivery's next attempt (a BullMQ or embedded timer). */
  wakeAt: (
    delivery: { webhookId: string; deliveryId: string; attempts: number },
    at: number,
  ) => Promise<void>;
  /** Attempts in flight at once for one subscription. */
  concurrency: number;
  /** Events read but not yet settled, at most: what a slow receiver makes the runner hold. */
  window: number;
  onError: (error: unknown) => void;
}

const SAVE_EVERY_MS = 100;

interface Entry {
  event: RecordedEvent;
  settled: boolean;
}

/**
 * Delivers one subscription's events: follows the store from the subscription's position, one
 * lane per stream (a stream's next event is sent once the one before is acknowledged), lanes side
 * by side. A first failure records the event as a failed delivery and the rest of its lane as
 * held, durably, and the stream is then served by {@link OwedDeliveries} until it owes nothing;
 * other streams never wait for it. The position moves past an event once it is delivered or
 * recorded, so a crash repeats deliveries (at least once) but never skips one.
 */
export class SubscriptionRunner {
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  private readonly window: Entry[] = [];
  private readonly roomWaiters: Array<() => void> = [];
  private readonly lanes = new Map<string, Entry[]>();
  /** Streams with events on their way through the lock, which keeps them in order. */
  private readonly routed = new Map<string, number>();
  private readonly locks = new KeyedLock();
  private readonly slots: Slots;
  private readonly inFlight = new Set<Promise<unknown>>();
  readonly owed: OwedDeliveries;
  private readUpTo: string;
  private scanned: string;
  private saved: string;
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly webhook: Webhook,
    private readonly deps: RunnerDependencies,
  ) {
    this.slots = new Slots(deps.concurrency);
    this.readUpTo = this.scanned = this.saved = webhook.position;
    this.owed = new OwedDeliveries(webhook, { ...deps, locks: this.locks, slots: this.slots });
  }

  get position(): string {
    return this.saved;
  }

  start(): void {
    this.owed.load();
    this.loop = this.follow();
  }

  /** Stops reading; attempts in flight finish (their events are delivered again after a restart). */
  async stop(): Promise<void> {
    this.stopping.abort();
    for (const wake of this.roomWaiters.splice(0)) wake();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    await this.owed.stop();
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      await this.deps.store.savePosition(this.webhook.webhookId, this.saved);
    }
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private async follow(): Promise<void> {
    const filter: FeedFilter = this.webhook.eventTypes.includes('*')
      ? {}
      : { types: this.webhook.eventTypes };
    let delay = 500;
    while (!this.stopped) {
      try {
        const batches = this.deps.eventStore.subscribe({
          after: this.readUpTo,
          filter: toStoreFilter(filter),
          batchSize: 200,
          signal: this.stopping.signal,
        });
        for await (const batch of batches) {
          for (const event of batch.events) {
            if (this.stopped) return;
            if (!matchesFeedFilter(event, filter)) continue;
            await this.room();
            if (this.stopped) return;
            this.enqueue(event);
            this.readUpTo = event.position;
          }
          if (comparePositions(batch.checkpoint, this.readUpTo) > 0)
            this.readUpTo = batch.checkpoint;
          this.scanned = this.readUpTo;
          this.advance();
          delay = 500;
        }
      } catch (error) {
        if (this.stopped) return;
        this.deps.onError(error);
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 30_000);
      }
    }
  }

  private room(): Promise<void> {
    if (this.window.length < this.deps.window) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  private enqueue(event: RecordedEvent): void {
    const entry: Entry = { event, settled: false };
    this.window.push(entry);
    const { streamId } = event;
    if (this.owed.blocks(streamId) || (this.routed.get(streamId) ?? 0) > 0) {
      this.routed.set(streamId, (this.routed.get(streamId) ?? 0) + 1);
      this.track(
        this.locks
          .run(streamId, () => this.holdOrQueue(entry))
          .finally(() => this.routed.set(streamId, (this.routed.get(streamId) ?? 1) - 1)),
      );
      return;
    }
    this.queue(entry);
  }

  // Under the stream's lock: a stream still owing deliveries keeps this one as held; one that has
  // settled meanwhile takes it into its lane, after the events routed here before it.
  private async holdOrQueue(entry: Entry): Promise<void> {
    if (this.owed.blocks(entry.event.streamId)) {
      await this.owed.hold([this.newDelivery(entry.event, 'held')]);
      this.settle(entry);
    } else this.queue(entry);
  }

  private queue(entry: Entry): void {
    const { streamId } = entry.event;
    const lane = this.lanes.get(streamId);
    if (lane) {
      lane.push(entry);
      return;
    }
    const fresh = [entry];
    this.lanes.set(streamId, fresh);
    this.track(this.runLane(streamId, fresh));
  }

  private async runLane(streamId: string, lane: Entry[]): Promise<void> {
    while (lane.length > 0 && !this.stopped) {
      const entry = lane[0]!;
      const deliveryId = deliveryIdOf(this.webhook.webhookId, entry.event.eventId);
      await this.slots.take();
      let outcome;
      try {
        outcome = await this.deps.attempts.attempt(this.webhook, entry.event, deliveryId);
      } finally {
        this.slots.give();
      }
      if (outcome.ok) {
        lane.shift();
        this.settle(entry);
        this.owed.noteDelivered();
        continue;
      }
      // The stream now owes its deliveries: later events of it go through the lock.
      this.lanes.delete(streamId);
      const owed = lane.splice(0);
      this.owed.markBlocked(streamId);
      await this.locks.run(streamId, () =>
        this.owed.hold(
          owed.map((item, index) =>
            index === 0
              ? this.failedDelivery(item.event, outcome.reason)
              : this.newDelivery(item.event, 'held'),
          ),
        ),
      );
      for (const item of owed) this.settle(item);
      return;
    }
    if (this.lanes.get(streamId) === lane) this.lanes.delete(streamId);
  }

  private failedDelivery(event: RecordedEvent, reason: string): NewDelivery {
    const now = this.deps.clock();
    return {
      ...this.newDelivery(event, 'failed'),
      attempts: 1,
      firstFailedAt: now,
      nextAttemptAt: now + this.deps.retry.firstDelayMs,
      lastError: reason,
    };
  }

  private newDelivery(event: RecordedEvent, status: 'failed' | 'held'): NewDelivery {
    return {
      deliveryId: deliveryIdOf(this.webhook.webhookId, event.eventId),
      webhookId: this.webhook.webhookId,
      eventId: event.eventId,
      eventType: event.type,
      streamId: event.streamId,
      revision: event.revision,
      position: event.position,
      status,
      attempts: 0,
      firstFailedAt: null,
      nextAttemptAt: null,
      lastError: null,
    };
  }

  private settle(entry: Entry): void {
    entry.settled = true;
    this.advance();
  }

  private advance(): void {
    let passed: string | undefined;
    while (this.window[0]?.settled) passed = this.window.shift()!.event.position;
    while (this.roomWaiters.length > 0 && this.window.length < this.deps.window) {
      this.roomWaiters.shift()!();
    }
    const candidate = this.window.length === 0 ? this.scanned : passed;
    if (candidate === undefined || comparePositions(candidate, this.saved) <= 0) return;
    this.saved = candidate;
    this.scheduleSave();
  }

  // At most one write of the position per SAVE_EVERY_MS: a crash repeats at most that much more.
  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.track(this.deps.store.savePosition(this.webhook.webhookId, this.saved));
    }, SAVE_EVERY_MS);
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) => this.deps.onError(error));
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }
}
