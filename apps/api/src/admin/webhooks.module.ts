import { join } from 'node:path';
import {
  Inject,
  Logger,
  Module,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  ApplicationModule,
  KEY_STORE,
  type KeyStore,
  PersonalDataCipher,
  UpcastingReader,
} from '@chronicle/application';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { CHRONICLE_CONFIG, type ChronicleConfig, hasProcessRole } from '@chronicle/platform';
import type { ProjectionLease } from '@chronicle/projections';
import { LeasedWork, type TimerScheduler } from '@chronicle/scheduling';
import { BullMqTimerScheduler } from '@chronicle/scheduling/bullmq';
import { SHARED_LEASE } from '@chronicle/scheduling/module';
import { SqliteTimerScheduler } from '@chronicle/scheduling/embedded';
import {
  AddressPolicy,
  WebhookDispatcher,
  WEBHOOK_STORE,
  type WebhookStore,
} from '@chronicle/webhooks';
import { SqliteWebhookStore } from '@chronicle/webhooks/embedded';
import { WebhookMetrics } from './webhook-metrics';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

const WEBHOOK_TIMERS = Symbol('WEBHOOK_TIMERS');
export const WEBHOOK_RETRY_QUEUE = 'chronicle-webhook-retries';
const logger = new Logger('Webhooks');
/** The lease name of webhook dispatch: one process delivers at a time. */
export const WEBHOOKS_LEASE = 'webhooks';

/** The wake-ups of failed deliveries: BullMQ when REDIS_URL is set, else the embedded timers. */
async function openTimers(config: ChronicleConfig): Promise<TimerScheduler> {
  if (!config.redisUrl) {
    return new SqliteTimerScheduler({ path: join(config.dataDir, 'webhook-timers.sqlite') });
  }
  return BullMqTimerScheduler.connect({
    redisUrl: config.redisUrl,
    queueName: WEBHOOK_RETRY_QUEUE,
    prefix: config.redisPrefix,
  });
}

/** Webhooks (docs/webhooks.md): the admin routes and the dispatcher that delivers. */
@Module({
  // Deliveries carry events as the feed shows them: decrypted, `[erased]` after an erasure.
  imports: [ApplicationModule],
  controllers: [WebhooksController],
  providers: [
    {
      provide: UpcastingReader,
      inject: [PersonalDataCipher, KEY_STORE],
      useFactory: (cipher: PersonalDataCipher, keys: KeyStore) => new UpcastingReader(cipher, keys),
    },
    {
      provide: WEBHOOK_STORE,
      inject: [CHRONICLE_CONFIG],
      useFactory: (config: ChronicleConfig) =>
        SqliteWebhookStore.open(join(config.dataDir, 'webhooks.sqlite')),
    },
    {
      provide: AddressPolicy,
      inject: [CHRONICLE_CONFIG],
      useFactory: (config: ChronicleConfig) => new AddressPolicy(config.webhookAllowedHosts),
    },
    { provide: WEBHOOK_TIMERS, inject: [CHRONICLE_CONFIG], useFactory: openTimers },
    {
      provide: WebhookDispatcher,
      inject: [EVENT_STORE, WEBHOOK_STORE, UpcastingReader, WEBHOOK_TIMERS, AddressPolicy],
      useFactory: (
        eventStore: EventStore,
        store: WebhookStore,
        reader: UpcastingReader,
        timers: TimerScheduler,
        policy: AddressPolicy,
      ) =>
        new WebhookDispatcher({
          eventStore,
          store,
          reader,
          timers,
          policy,
          onError: (error) => logger.warn(`Webhook delivery paused: ${String(error)}`),
        }),
    },
    WebhooksService,
    WebhookMetrics,
  ],
  exports: [WebhookMetrics],
})
export class WebhooksModule
  implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  private leased: LeasedWork | undefined;
  private dispatcherStarted = false;
  private dispatcherStopped: Promise<void> | undefined;

  constructor(
    @Inject(WebhookDispatcher) private readonly dispatcher: WebhookDispatcher,
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(CHRONICLE_CONFIG) private readonly config: ChronicleConfig,
    @Optional() @Inject(SHARED_LEASE) private readonly sharedLease?: ProjectionLease | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!hasProcessRole(this.config, 'webhooks')) return;
    // Only with EVENTSTORE_URL can several processes follow one log; else this one delivers.
    if (!this.sharedLease || !this.config.eventStoreUrl) {
      await this.dispatcher.start();
      return;
    }
    this.leased = new LeasedWork({
      lease: this.sharedLease,
      name: WEBHOOKS_LEASE,
      start: () => this.startDispatcherOnce(),
      onChange: (message, level) => logger[level](message),
    });
    this.leased.start();
  }

  // Before the event store closes (at application shutdown): runners still read it until then.
  async onModuleDestroy(): Promise<void> {
    await this.leased?.stop();
    await this.stopDispatcher();
  }

  private stopDispatcher(): Promise<void> {
    this.dispatcherStopped ??= this.dispatcher.stop();
    return this.dispatcherStopped;
  }

  /**
   * The dispatcher's timers close when it stops, so it runs one lease term per process: after a
   * lost lease this process leaves delivery to the others until it is restarted.
   */
  private async startDispatcherOnce(): Promise<() => Promise<void>> {
    if (this.dispatcherStarted) {
      void this.leased?.stop();
      throw new Error(
        'the dispatcher lost its lease earlier; restart this process to deliver here',
      );
    }
    this.dispatcherStarted = true;
    await this.dispatcher.start();
    return () => this.stopDispatcher();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
