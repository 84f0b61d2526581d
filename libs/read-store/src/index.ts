export * from './read-store.port';
export {
  SqliteReadStore,
  type SqliteReadStoreOptions,
} from './adapters/embedded/sqlite-read-store';
export {
  CHECKPOINTS_COLLECTION,
  MongoReadStore,
  type MongoReadStoreOptions,
} from './adapters/mongodb/mongo-read-store';
