import type { EventDataReader } from '@chronicle/change-feed';
import type { EventStore } from '@chronicle/event-store';
import type { TimerScheduler } from '@chronicle/scheduling';
import type { AddressPolicy } from './address-policy';
import { DeliveryAttempts } from './delivery-attempts';
import { DeliveryClient } from './delivery-client';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { SubscriptionRunner } from './subscription-runner';
import type { HostResolver } from './url-check';
import type { WebhookStore } from './webhook-store.port';
import type { Webhook } from './webhook-types';

export interface WebhookDispatcherOptions {
  eventStore: EventStore;
  store: WebhookStore;
  /** Opens events for display: decrypted, upcast (the application's UpcastingReader). */
  reader: EventDataReader;
  /** Wakes failed deliveries when their next attempt is due: BullMQ or the embedded timers. */
  timers: TimerScheduler;
  policy: AddressPolicy;
  resolve?: HostResolver;
  retry?: RetryPolicy;
  /** A 2xx must come within this; default 10 s. */
  timeoutMs?: number;
  clock?: () => number;
  /** How often owed deliveries no timer woke are looked for (a Redis that lost its timers). */
  sweepMs?: number;
  concurrency?: number;
  window?: number;
  onError?: (error: unknown) => void;
}

/** Delivers every active subscription's events (docs/webhooks.md), each on its own runner. */
export class WebhookDispatcher {
  private readonly runners = new Map<string, SubscriptionRunner>();
  private readonly attempts: DeliveryAttempts;
  private readonly client: DeliveryClient;
  private readonly clock: () => number;
  private readonly retry: RetryPolicy;
  private sweeper: NodeJS.Timeout | undefined;
  private sweeping = false;
  private started = false;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.clock = options.clock ?? Date.now;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.client = new DeliveryClient({
      policy: options.policy,
      resolve: options.resolve,
      timeoutMs: options.timeoutMs,
    });
    this.attempts = new DeliveryAttempts(options.reader, this.client, this.clock);
  }

  /** Deliveries attempted so far, by subscription and outcome. */
  get attemptCounts(): DeliveryAttempts['counts'] {
    return this.attempts.counts;
  }

  async start(): Promise<void> {
    this.options.timers.onDue(async ({ payload }) => {
      const runner = this.runners.get(String(payload.webhookId));
      // A paused subscription's deliveries wait; the sweep picks them up once it runs again.
      await runner?.owed.retryById(String(payload.deliveryId)).catch(this.onError);
    });
    await this.options.timers.start();
    this.started = true;
    for (const webhook of this.options.store.list()) this.run(webhook);
    this.sweeper = setInterval(() => void this.sweep(), this.options.sweepMs ?? 5000);
    this.sweeper.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.sweeper);
    this.started = false;
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
    this.runners.clear();
    this.client.close();
    await this.options.timers.stop();
  }

  /** Starts, restarts (after a change) or stops the subscription's runner to match its state. */
  async refresh(webhookId: string): Promise<void> {
    const running = this.runners.get(webhookId);
    if (running) {
      this.runners.delete(webhookId);
      await running.stop();
    }
    const webhook = this.options.store.get(webhookId);
    if (webhook && this.started) this.run(webhook);
  }

  runner(webhookId: string): SubscriptionRunner | undefined {
    return this.runners.get(webhookId);
  }

  /** Looks for due deliveries whose timer was lost, and streams whose head waits held. */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      // A second of grace, so a timer about to fire is not raced.
      for (const delivery of this.options.store.due(this.clock() - 1000, 500)) {
        void this.runners
          .get(delivery.webhookId)
          ?.owed.retryById(delivery.deliveryId)
          .catch(this.onError);
      }
      for (const runner of this.runners.values()) await runner.owed.sweepHeadless();
    } catch (error) {
      this.onError(error);
    } finally {
      this.sweeping = false;
    }
  }

  private run(webhook: Webhook): void {
    if (webhook.state !== 'active') return;
    const runner = new SubscriptionRunner(webhook, {
      eventStore: this.options.eventStore,
      store: this.options.store,
      attempts: this.attempts,
      retry: this.retry,
      clock: this.clock,
      wakeAt: ({ webhookId, deliveryId, attempts }, at) =>
        this.options.timers.schedule(`${deliveryId}-${attempts}`, new Date(at), {
          webhookId,
          deliveryId,
        }),
      concurrency: this.options.concurrency ?? 16,
      window: this.options.window ?? 500,
      onError: this.onError,
    });
    this.runners.set(webhook.webhookId, runner);
    runner.start();
  }

  private readonly onError = (error: unknown): void => this.options.onError?.(error);
}
