export * from './read-store.port';
export { InvalidDocumentError, MAX_DOCUMENT_BYTES } from './validate-writes';
export {
  SqliteReadStore,
  type SqliteReadStoreOptions,
} from './adapters/embedded/sqlite-read-store';
export {
  CHECKPOINTS_COLLECTION,
  MongoReadStore,
  type MongoReadStoreOptions,
} from './adapters/mongodb/mongo-read-store';
