import { ReadStoreUnavailableError } from '../../read-store.port';
import { assertTransactionsSupported, databaseName, redactUrl } from './connection';

describe('MongoDB connection strings', () => {
  it.each([
    [
      'mongodb://chronicle:s3cret@db:27017/crm?replicaSet=rs0',
      'mongodb://chronicle:***@db:27017/crm?replicaSet=rs0',
    ],
    [
      'mongodb+srv://app:p%40ss@cluster.example.net/crm',
      'mongodb+srv://app:***@cluster.example.net/crm',
    ],
    ['mongodb://localhost:27017/chronicle', 'mongodb://localhost:27017/chronicle'],
    ['mongodb://only-user@db/crm', 'mongodb://only-user@db/crm'],
  ])('masks the password of %s', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });

  it.each([
    ['mongodb://localhost:27017/crm', 'crm'],
    ['mongodb://a:1,b:2/crm?replicaSet=rs0', 'crm'],
    ['mongodb+srv://u:p@cluster.example.net/my%20db?retryWrites=true', 'my db'],
    ['mongodb://localhost:27017', 'chronicle'],
    ['mongodb://localhost:27017/', 'chronicle'],
    ['mongodb://localhost:27017/?replicaSet=rs0', 'chronicle'],
  ])('reads the database of %s as %s', (url, name) => {
    expect(databaseName(url)).toBe(name);
  });
});

describe('refusing a server without transactions', () => {
  const url = 'mongodb://chronicle:s3cret@localhost:27017/chronicle';

  it('accepts a replica set member and a mongos', () => {
    expect(() =>
      assertTransactionsSupported({ isWritablePrimary: true, setName: 'rs0' }, url),
    ).not.toThrow();
    expect(() => assertTransactionsSupported({ msg: 'isdbgrid' }, url)).not.toThrow();
  });

  it('refuses a standalone server with one line naming MONGO_URL and the replica set', () => {
    const refuse = (): void => assertTransactionsSupported({ isWritablePrimary: true, ok: 1 }, url);
    expect(refuse).toThrow(ReadStoreUnavailableError);
    expect(refuse).toThrow(
      /^MONGO_URL \(mongodb:\/\/chronicle:\*\*\*@localhost:27017\/chronicle\)/,
    );
    expect(refuse).toThrow(/needs a replica set for transactions/);
    try {
      refuse();
    } catch (error) {
      expect((error as Error).message).not.toMatch(/s3cret|\n/);
    }
  });
});
