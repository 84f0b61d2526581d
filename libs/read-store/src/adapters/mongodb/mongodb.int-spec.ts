import { describeReadStoreContract } from '../../testing';
import { MongoReadStore } from './mongo-read-store';

// Tests read their server's address straight from the environment; the app goes through config.
const url = process.env.MONGO_URL;

if (url) {
  describeReadStoreContract('MongoDB', () => MongoReadStore.connect(url));
} else {
  console.warn(
    'MongoDB read store contract skipped: MONGO_URL is unset (e.g. mongodb://localhost:27017/chronicle_test?replicaSet=rs0)',
  );
  describe.skip('ReadStore contract: MongoDB', () => {
    it('skipped: MONGO_URL unset, no server to run against', () => undefined);
  });
}
