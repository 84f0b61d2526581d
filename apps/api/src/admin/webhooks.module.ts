import { join } from 'node:path';
import {
  Inject,
  Logger,
  Module,
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
import { CHRONICLE_CONFIG, type ChronicleConfig } from '@chronicle/platform';
import {
  BullMqTimerScheduler,
  SqliteTimerScheduler,
  type TimerScheduler,
} from '@chronicle/scheduling';
import {
  AddressPolicy,
  SqliteWebhookStore,
  WebhookDispatcher,
  WEBHOOK_STORE,
  type WebhookStore,
} from '@chronicle/webhooks';
import { WebhookMetrics } from './webhook-metrics';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

const WEBHOOK_TIMERS = Symbol('WEBHOOK_TIMERS');
export const WEBHOOK_RETRY_QUEUE = 'chronicle-webhook-retries';
const logger = new Logger('Webhooks');

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
  constructor(
    @Inject(WebhookDispatcher) private readonly dispatcher: WebhookDispatcher,
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dispatcher.start();
  }

  // Before the event store closes (at application shutdown): runners still read it until then.
  async onModuleDestroy(): Promise<void> {
    await this.dispatcher.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
