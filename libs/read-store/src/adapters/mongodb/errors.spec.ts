import { createServer } from 'node:net';
import {
  MongoNetworkError,
  MongoParseError,
  MongoServerError,
  MongoServerSelectionError,
  MongoWriteConcernError,
} from 'mongodb';
import { ReadStoreUnavailableError } from '../../read-store.port';
import { isDuplicateKey, toPortError } from './errors';
import { MongoReadStore } from './mongo-read-store';

const url = 'mongodb://chronicle:s3cret@127.0.0.1:27017/chronicle';

/** A port nothing listens on: bound, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe('MongoDB errors as the port says them', () => {
  it('names the URL, without its password, when no server answers', async () => {
    const unreachable = `mongodb://chronicle:s3cret@127.0.0.1:${await closedPort()}/chronicle`;
    const connecting = MongoReadStore.connect(unreachable, { serverSelectionTimeoutMS: 200 });
    await expect(connecting).rejects.toThrow(ReadStoreUnavailableError);
    const error = (await connecting.catch((caught: unknown) => caught)) as Error;
    expect(error.message).toMatch(
      /^MongoDB at mongodb:\/\/chronicle:\*\*\*@127\.0\.0\.1:\d+\/chronicle is unavailable/,
    );
    expect(error.message).not.toContain('s3cret');
    expect(error.cause).toBeInstanceOf(MongoServerSelectionError);
  });

  it('says MONGO_URL is not a MongoDB connection string', async () => {
    const connecting = MongoReadStore.connect('postgres://user:s3cret@db/chronicle');
    const error = (await connecting.catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(ReadStoreUnavailableError);
    expect(error.message).toMatch(
      /^MONGO_URL \(postgres:\/\/user:\*\*\*@db\/chronicle\) is not a MongoDB connection string/,
    );
    expect((error.cause as Error).name).toBe('MongoParseError');
  });

  it('says which option of MONGO_URL the driver refused', async () => {
    const error = (await MongoReadStore.connect('mongodb://db/chronicle?foo=bar').catch(
      (caught: unknown) => caught,
    )) as Error;
    expect(error).toBeInstanceOf(ReadStoreUnavailableError);
    expect(error.message).toMatch(
      /is not a MongoDB connection string: option foo is not supported/,
    );
    expect(error.cause).toBeInstanceOf(MongoParseError);
  });

  it('maps a lost connection to unavailable', () => {
    const mapped = toPortError(
      new MongoNetworkError('connection 3 to 127.0.0.1:27017 closed'),
      url,
    );
    expect(mapped).toBeInstanceOf(ReadStoreUnavailableError);
    expect((mapped as Error).message).toContain('mongodb://chronicle:***@127.0.0.1:27017');
  });

  it('maps "transaction numbers only on a replica set" to the replica-set line', () => {
    const standalone = new MongoServerError({
      message: 'Transaction numbers are only allowed on a replica set member or mongos',
      code: 20,
      codeName: 'IllegalOperation',
    });
    const mapped = toPortError(standalone, url);
    expect(mapped).toBeInstanceOf(ReadStoreUnavailableError);
    expect((mapped as Error).message).toMatch(/needs a replica set/);
  });

  it('recognises a duplicate key, and passes other server errors through', () => {
    const duplicate = new MongoServerError({ message: 'E11000 duplicate key', code: 11000 });
    expect(isDuplicateKey(duplicate)).toBe(true);
    expect(isDuplicateKey(new MongoServerError({ message: 'other', code: 2 }))).toBe(false);
    expect(toPortError(duplicate, url)).toBe(duplicate);
    const plain = new TypeError('a bug');
    expect(toPortError(plain, url)).toBe(plain);
  });

  it('maps a write a majority did not confirm in time to unavailable, saying it may be applied', () => {
    const unconfirmed = [
      new MongoWriteConcernError({
        writeConcernError: { code: 64, errmsg: 'waiting for replication timed out' },
        ok: 1,
      }),
      new MongoServerError({ message: 'operation exceeded time limit', code: 50 }),
    ];
    for (const error of unconfirmed) {
      const mapped = toPortError(error, url);
      expect(mapped).toBeInstanceOf(ReadStoreUnavailableError);
      expect((mapped as Error).message).toMatch(/did not confirm a write in time/);
      expect((mapped as Error).message).toMatch(/may or may not be applied/);
      expect((mapped as Error).message).not.toContain('s3cret');
    }
  });
});
