// `@chronicle/event-store/embedded`: the SQLite event store, loaded only by those who open it.
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';
export { ReadOnlyEventLog } from './read-only-event-log';
