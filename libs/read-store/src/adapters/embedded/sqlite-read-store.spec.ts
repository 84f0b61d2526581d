import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadStoreUnavailableError } from '../../read-store.port';
import { describeReadStoreContract } from '../../testing';
import { SqliteReadStore } from './sqlite-read-store';

const directories: string[] = [];
function freshPath(): string {
  const directory = mkdtempSync(join(tmpdir(), 'chronicle-rs-'));
  directories.push(directory);
  return join(directory, 'data', 'read-models.sqlite');
}
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describeReadStoreContract('embedded SQLite', () =>
  Promise.resolve(SqliteReadStore.open({ path: freshPath() })),
);

describe('embedded read store: durability and ownership', () => {
  it('has every document, checkpoint, index and array mark after close and reopen', async () => {
    const path = freshPath();
    const first = SqliteReadStore.open({ path });
    await first.ensureIndexes([{ collection: 'c', fields: ['stage'] }]);
    await first.applyBatch({
      projection: 'p',
      writes: [
        { kind: 'put', collection: 'c', document: { _id: 'a', stage: 'lead', tags: ['vip'] } },
        { kind: 'put', collection: 'c', document: { _id: 'b', stage: 'mql', tags: 'vip' } },
      ],
      expectedCheckpoint: undefined,
      checkpoint: '42',
    });
    await first.close();

    const reopened = SqliteReadStore.open({ path });
    try {
      expect(await reopened.checkpoint('p')).toBe('42');
      expect(await reopened.get('c', 'a')).toEqual({ _id: 'a', stage: 'lead', tags: ['vip'] });
      expect((await reopened.find('c', { tags: 'vip' }, { sort: { _id: 1 } })).length).toBe(2);
      expect(await reopened.count('c', { stage: 'lead' })).toBe(1);
    } finally {
      await reopened.close();
    }
  });

  it('refuses a second opener of the same file with a clear message', async () => {
    const path = freshPath();
    const store = SqliteReadStore.open({ path });
    expect(() => SqliteReadStore.open({ path })).toThrow(/in use by another Chronicle process/);
    await store.close();
    await SqliteReadStore.open({ path }).close();
  });

  it('rejects calls once closed', async () => {
    const store = SqliteReadStore.open({ path: freshPath() });
    await store.close();
    await expect(store.get('c', 'a')).rejects.toThrow(ReadStoreUnavailableError);
    await store.close();
  });

  it('refuses a put without a string _id before writing anything', async () => {
    const store = SqliteReadStore.open({ path: freshPath() });
    try {
      const batch = store.applyBatch({
        projection: 'p',
        writes: [
          { kind: 'put', collection: 'c', document: { _id: 'fine' } },
          { kind: 'put', collection: 'c', document: { _id: 7 } as never },
        ],
        expectedCheckpoint: undefined,
        checkpoint: '1',
      });
      await expect(batch).rejects.toThrow(/non-empty string _id/);
      expect(await store.checkpoint('p')).toBeUndefined();
      expect(await store.get('c', 'fine')).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
