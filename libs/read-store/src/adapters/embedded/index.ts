// `@chronicle/read-store/embedded`: the SQLite document store with its query planner.
export { SqliteReadStore, type SqliteReadStoreOptions } from './sqlite-read-store';
