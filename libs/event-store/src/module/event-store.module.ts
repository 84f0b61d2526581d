import {
  type DynamicModule,
  Global,
  Inject,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SqliteEventStore } from '../adapters/embedded/sqlite-event-store';
import { EventStoreDbEventStore } from '../adapters/eventstoredb/eventstoredb-event-store';
import { EVENT_STORE, type EventStore } from '../event-store.port';

/**
 * Where the event store lives, in the names of the validated configuration (so the app passes its
 * config as it is): EventStoreDB when `eventStoreUrl` is set, else the embedded store in `dataDir`.
 */
export interface EventStoreLocation {
  /** EVENTSTORE_URL, an EventStoreDB connection string; absent = embedded. */
  eventStoreUrl?: string;
  /** DATA_DIR, the data folder of the embedded store. */
  dataDir: string;
}

export type EventStoreAdapter = 'eventstoredb' | 'embedded';

export function eventStoreAdapterFor(location: EventStoreLocation): EventStoreAdapter {
  return location.eventStoreUrl ? 'eventstoredb' : 'embedded';
}

async function openEventStore(location: EventStoreLocation): Promise<EventStore> {
  if (location.eventStoreUrl) return await EventStoreDbEventStore.connect(location.eventStoreUrl);
  return SqliteEventStore.open({ directory: location.dataDir });
}

/**
 * Provides {@link EVENT_STORE} to the whole application (global): every app that writes or reads
 * events opens it the same way, from the same two settings.
 */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  static forRoot(location: EventStoreLocation): DynamicModule {
    // The fields are copied: the factory must not see later changes to the caller's object.
    const { eventStoreUrl, dataDir } = location;
    return {
      module: EventStoreModule,
      providers: [
        { provide: EVENT_STORE, useFactory: () => openEventStore({ eventStoreUrl, dataDir }) },
      ],
      exports: [EVENT_STORE],
    };
  }

  // Not onModuleDestroy: projectors and workers stop in theirs and may still read until then.
  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
  }
}
