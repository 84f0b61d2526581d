import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErasedSubjectError } from '../../privacy/key-store.port';
import { describeKeyStoreContract } from '../../privacy/testing/key-store.contract';
import { SqliteKeyStore } from './key-store.sqlite';

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function freshKeyFile(): string {
  const directory = mkdtempSync(join(tmpdir(), 'chronicle-keys-'));
  directories.push(directory);
  return join(directory, 'keys.sqlite');
}

function fileBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    return Buffer.alloc(0);
  }
}

describeKeyStoreContract('embedded SQLite', () =>
  Promise.resolve(SqliteKeyStore.open(freshKeyFile())),
);

describe('SqliteKeyStore', () => {
  it('keeps keys and tombstones across a restart', async () => {
    const path = freshKeyFile();
    const before = SqliteKeyStore.open(path);
    const key = await before.keyFor('C-1');
    await before.destroy('C-2');
    await before.close();

    const after = SqliteKeyStore.open(path);
    expect(await after.existingKey('C-1')).toEqual(key);
    await expect(after.keyFor('C-2')).rejects.toThrow(ErasedSubjectError);
    await after.close();
  });

  it('creates its file readable by its owner only', async () => {
    const path = freshKeyFile();
    const keys = SqliteKeyStore.open(path);
    await keys.keyFor('C-1');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    await keys.close();
  });

  it('leaves no byte of a destroyed key in the database file or its log', async () => {
    const path = freshKeyFile();
    const keys = SqliteKeyStore.open(path);
    // Enough subjects to spread over many pages and split some, so the keys move around.
    const subjects = Array.from({ length: 400 }, (_, index) => `C-${index}`);
    const created = new Map<string, Buffer>();
    for (const subject of subjects) created.set(subject, Buffer.from(await keys.keyFor(subject)));
    const destroyed = subjects.filter((_, index) => index % 7 === 0);
    for (const subject of destroyed) await keys.destroy(subject);

    const stored = Buffer.concat([fileBytes(path), fileBytes(`${path}-wal`)]);
    for (const subject of destroyed) expect(stored.includes(created.get(subject)!)).toBe(false);
    // The check above could pass by reading the wrong bytes; the kept keys prove it reads them.
    expect(stored.includes(created.get('C-1')!)).toBe(true);
    await keys.close();
  });

  it('opens an in-memory store for tests that need no file', async () => {
    const keys = SqliteKeyStore.open(':memory:');
    expect(await keys.keyFor('C-1')).toHaveLength(32);
    await keys.close();
  });

  it('hands out a new key for sealing only once it is on the disk, to every caller', async () => {
    let release!: () => void;
    const disk = new Promise<void>((resolve) => (release = resolve));
    let fsyncs = 0;
    const keys = SqliteKeyStore.open(freshKeyFile(), {
      fsync: async () => {
        fsyncs += 1;
        await disk;
      },
    });
    const settled: string[] = [];
    const first = keys.keyFor('C-1').then((key) => (settled.push('first'), key));
    while (fsyncs === 0) await new Promise((resolve) => setImmediate(resolve));
    // Committed: a reader opening events may see it, but nobody may seal with it yet.
    const read = await keys.existingKey('C-1');
    const second = keys.keyFor('C-1').then((key) => (settled.push('second'), key));
    for (let turn = 0; turn < 10; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual([]);

    release();
    const [one, two] = await Promise.all([first, second]);
    expect(one).toEqual(read);
    expect(two).toEqual(read);
    await keys.close();
  });
});
