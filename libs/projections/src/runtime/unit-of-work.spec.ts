import { BatchUnitOfWork } from './unit-of-work';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from '@chronicle/read-store/embedded';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

async function storeWith(documents: Array<{ _id: string; count: number }>) {
  const folder = mkdtempSync(join(tmpdir(), 'chronicle-uow-'));
  folders.push(folder);
  const store = SqliteReadStore.open({ path: join(folder, 'read-models.sqlite') });
  await store.applyBatch({
    projection: 'p.g1.$checkpoint',
    writes: documents.map((document) => ({ kind: 'put', collection: 'p.g1.items', document })),
    expectedCheckpoint: undefined,
    checkpoint: '1',
  });
  return store;
}

const physical = (logical: string): string => `p.g1.${logical}`;

describe('BatchUnitOfWork', () => {
  it("lets later events of a batch read the earlier ones' writes", async () => {
    const work = new BatchUnitOfWork(await storeWith([{ _id: 'a', count: 1 }]), physical);

    work.put('items', { _id: 'a', count: 2 });
    work.delete('items', 'b');

    expect(await work.get('items', 'a')).toEqual({ _id: 'a', count: 2 });
    expect(await work.get('items', 'b')).toBeUndefined();
  });

  it('writes each changed document once, in its last state, under its physical name', async () => {
    const work = new BatchUnitOfWork(await storeWith([]), physical);

    work.put('items', { _id: 'a', count: 1 });
    work.put('items', { _id: 'a', count: 2 });
    work.put('items', { _id: 'b', count: 1 });
    work.delete('items', 'b');

    expect(work.writes()).toEqual([
      { kind: 'put', collection: 'p.g1.items', document: { _id: 'a', count: 2 } },
      { kind: 'delete', collection: 'p.g1.items', id: 'b' },
    ]);
  });

  it('reads a document from the store once per batch and hands out one working copy', async () => {
    const store = await storeWith([{ _id: 'a', count: 1 }]);
    const work = new BatchUnitOfWork(store, physical);

    const first = await work.get('items', 'a');
    first!.count = 2;
    work.put('items', first!);
    await store.close();

    expect(await work.get('items', 'a')).toBe(first);
    expect(work.writes()).toEqual([
      { kind: 'put', collection: 'p.g1.items', document: { _id: 'a', count: 2 } },
    ]);
  });

  it('refuses to write a batch in which a document read was changed but never put', async () => {
    const work = new BatchUnitOfWork(await storeWith([{ _id: 'a', count: 1 }]), physical);

    const read = await work.get('items', 'a');
    read!.count = 99;

    expect(() => work.writes()).toThrow(/a of p\.g1\.items was changed without being put/);
  });

  it('lets a document be read and left alone, and the check be turned off', async () => {
    const store = await storeWith([{ _id: 'a', count: 1 }]);
    const checked = new BatchUnitOfWork(store, physical);
    const unchecked = new BatchUnitOfWork(store, physical, { checkChangesArePut: false });

    expect(await checked.get('items', 'a')).toEqual({ _id: 'a', count: 1 });
    (await unchecked.get('items', 'a'))!.count = 99;

    expect(checked.writes()).toEqual([]);
    expect(unchecked.writes()).toEqual([]);
  });

  it('refuses an object put under one id and then changed to another', async () => {
    const work = new BatchUnitOfWork(await storeWith([]), physical);

    const document = { _id: 'a', count: 1 };
    work.put('items', document);
    document._id = 'b';
    work.put('items', document);

    expect(() => work.writes()).toThrow(/Document a of p\.g1\.items was changed to _id b/);
  });
});
