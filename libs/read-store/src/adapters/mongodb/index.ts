// `@chronicle/read-store/mongodb`: the adapter over the official MongoDB driver.
export {
  CHECKPOINTS_COLLECTION,
  MongoReadStore,
  type MongoReadStoreOptions,
} from './mongo-read-store';
