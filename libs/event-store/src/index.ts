export * from './event-store.port';
export * from './errors';
export {
  canonicalJson,
  chainHash,
  chainHashOfEncoded,
  findChainBreak,
  GENESIS_HASH,
  type ChainBreak,
  type ChainedFields,
} from './hash-chain';
export { validateAppend } from './validate-append';
export {
  SqliteEventStore,
  type SqliteEventStoreOptions,
} from './adapters/embedded/sqlite-event-store';
export { ReadOnlyEventLog } from './adapters/embedded/read-only-event-log';
export { EventStoreDbEventStore } from './adapters/eventstoredb/eventstoredb-event-store';
export {
  EventStoreModule,
  eventStoreAdapterFor,
  type EventStoreAdapter,
  type EventStoreLocation,
} from './module/event-store.module';
