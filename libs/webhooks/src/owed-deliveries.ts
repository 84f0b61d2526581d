import type { KeyedLock, Slots } from './concurrency';
import { retryDelay } from './retry-policy';
import type { RunnerDependencies } from './subscription-runner';
import type { NewDelivery } from './webhook-store.port';
import type { Delivery, Webhook } from './webhook-types';

type Dependencies = RunnerDependencies & { locks: KeyedLock; slots: Slots };

/** An attempt of a failed delivery may run this much before its due time (timer jitter). */
const EARLY_MS = 50;

/**
 * The deliveries a subscription still owes: failed ones retried with backoff until they succeed
 * or die, and held ones, sent in stream order once the one before them is settled. Every change
 * of a stream's owed deliveries runs under that stream's lock, and the store's rows are the
 * truth: a stream blocks while it has any failed or held delivery that holds it back.
 */
export class OwedDeliveries {
  private readonly blocked = new Set<string>();
  private readonly retrying = new Set<string>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private stopped = false;
  private lastNoted = 0;
  lastDeliveryAt: string | null;

  constructor(
    private readonly webhook: Webhook,
    private readonly deps: Dependencies,
  ) {
    this.lastDeliveryAt = webhook.lastDeliveryAt;
  }

  load(): void {
    for (const streamId of this.deps.store.blockedStreams(this.webhook.webhookId).keys()) {
      this.blocked.add(streamId);
    }
  }

  blocks(streamId: string): boolean {
    return this.blocked.has(streamId);
  }

  markBlocked(streamId: string): void {
    this.blocked.add(streamId);
  }

  /** Under the stream's lock: records owed deliveries and arms the first attempt of failed ones. */
  async hold(deliveries: readonly NewDelivery[]): Promise<void> {
    const recorded = await this.deps.store.record(deliveries);
    for (const delivery of recorded) {
      if (delivery.status === 'failed' && delivery.nextAttemptAt !== null) {
        await this.wake(delivery, delivery.nextAttemptAt);
      }
    }
    const streamId = deliveries[0]?.streamId;
    if (streamId !== undefined) await this.refresh(streamId);
  }

  /** Attempts a failed delivery whose time has come; anything else is left as it is. */
  async retryById(deliveryId: string): Promise<void> {
    const delivery = this.deps.store.delivery(deliveryId);
    if (delivery?.webhookId === this.webhook.webhookId) await this.retry(delivery);
  }

  /**
   * An operator's retry: a dead delivery is tried again now, with a new retry period, outside its
   * stream's order (later events went on when it died); a failed one is tried now.
   */
  async retryByHand(delivery: Delivery): Promise<void> {
    await this.deps.locks.run(delivery.streamId, async () => {
      const fresh = this.deps.store.delivery(delivery.deliveryId);
      if (!fresh || fresh.status === 'held') return;
      const dead = fresh.status === 'dead';
      await this.deps.store.updateDelivery(fresh.deliveryId, {
        status: 'failed',
        nextAttemptAt: this.deps.clock(),
        ...(dead && { attempts: 0, firstFailedAt: null, holdsStream: false }),
      });
    });
    this.spawn(this.retryById(delivery.deliveryId));
  }

  /** Sweeps what no timer will wake: streams whose oldest owed delivery waits held. */
  async sweepHeadless(): Promise<void> {
    for (const head of this.deps.store.headless(this.webhook.webhookId)) {
      await this.deps.locks.run(head.streamId, () => this.refresh(head.streamId));
    }
  }

  noteDelivered(): void {
    const now = this.deps.clock();
    this.lastDeliveryAt = new Date(now).toISOString();
    if (now - this.lastNoted < 1000) return;
    this.lastNoted = now;
    this.spawn(this.deps.store.noteDelivered(this.webhook.webhookId, this.lastDeliveryAt));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.inFlight]);
  }

  private async retry(delivery: Delivery): Promise<void> {
    const { deliveryId, streamId } = delivery;
    if (this.stopped || this.retrying.has(deliveryId)) return;
    this.retrying.add(deliveryId);
    try {
      const fresh = this.deps.store.delivery(deliveryId);
      const due =
        (fresh?.nextAttemptAt ?? Number.POSITIVE_INFINITY) <= this.deps.clock() + EARLY_MS;
      if (!fresh || fresh.status !== 'failed' || !due) return;
      const [event] = await this.deps.eventStore.readStream(streamId, {
        fromRevision: fresh.revision,
        maxCount: 1,
      });
      if (!event || event.eventId !== fresh.eventId) {
        throw new Error(`Delivery ${deliveryId}: event ${fresh.eventId} is not in ${streamId}`);
      }
      await this.deps.slots.take();
      let outcome;
      try {
        outcome = await this.deps.attempts.attempt(this.webhook, event, deliveryId);
      } finally {
        this.deps.slots.give();
      }
      const result = outcome;
      await this.deps.locks.run(streamId, () => this.settle(fresh, result));
    } finally {
      this.retrying.delete(deliveryId);
    }
  }

  private async settle(
    delivery: Delivery,
    outcome: { ok: true } | { ok: false; reason: string },
  ): Promise<void> {
    const { store, retry, clock } = this.deps;
    const now = clock();
    if (outcome.ok) {
      await store.forget(delivery.deliveryId);
      this.noteDelivered();
    } else {
      const attempts = delivery.attempts + 1;
      const firstFailedAt = delivery.firstFailedAt ?? now;
      const changes = { attempts, firstFailedAt, lastError: outcome.reason };
      if (now - firstFailedAt < retry.giveUpAfterMs) {
        const nextAttemptAt = now + retryDelay(retry, attempts);
        await store.updateDelivery(delivery.deliveryId, { ...changes, nextAttemptAt });
        await this.wake({ ...delivery, attempts }, nextAttemptAt);
        return;
      }
      await store.updateDelivery(delivery.deliveryId, {
        ...changes,
        status: 'dead',
        nextAttemptAt: null,
      });
    }
    if (delivery.holdsStream) await this.refresh(delivery.streamId);
  }

  // Under the stream's lock: the stream blocks while it owes anything; a held delivery at the
  // head becomes due at once.
  private async refresh(streamId: string): Promise<void> {
    const owed = this.deps.store.heldBack(this.webhook.webhookId, streamId);
    if (owed.length === 0) {
      this.blocked.delete(streamId);
      return;
    }
    this.blocked.add(streamId);
    const head = owed[0]!;
    if (head.status !== 'held') return;
    await this.deps.store.updateDelivery(head.deliveryId, {
      status: 'failed',
      nextAttemptAt: this.deps.clock(),
    });
    this.spawn(this.retryById(head.deliveryId));
  }

  // A timer that cannot be armed (Redis away) is not a failure of the delivery: its row is
  // durable and the dispatcher's sweep attempts it once it is overdue.
  private async wake(
    delivery: { webhookId: string; deliveryId: string; attempts: number },
    at: number,
  ): Promise<void> {
    try {
      await this.deps.wakeAt(delivery, at);
    } catch (error) {
      this.deps.onError(error);
    }
  }

  private spawn(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) => this.deps.onError(error));
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }
}
