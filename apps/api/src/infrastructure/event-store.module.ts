import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  EVENT_STORE,
  EventStoreDbEventStore,
  SqliteEventStore,
  type EventStore,
} from '@chronicle/event-store';
import { CHRONICLE_CONFIG, type ChronicleConfig } from '@chronicle/platform';

export type EventStoreAdapter = 'eventstoredb' | 'embedded';

export function eventStoreAdapterFor(config: ChronicleConfig): EventStoreAdapter {
  return config.eventStoreUrl ? 'eventstoredb' : 'embedded';
}

async function openEventStore(config: ChronicleConfig): Promise<EventStore> {
  if (config.eventStoreUrl) return await EventStoreDbEventStore.connect(config.eventStoreUrl);
  return SqliteEventStore.open({ directory: config.dataDir });
}

/** Provides {@link EVENT_STORE}: EventStoreDB when its URL is configured, else the embedded store. */
@Global()
@Module({
  providers: [{ provide: EVENT_STORE, inject: [CHRONICLE_CONFIG], useFactory: openEventStore }],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  // Not onModuleDestroy: projectors and workers stop in theirs and may still read until then.
  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
  }
}
