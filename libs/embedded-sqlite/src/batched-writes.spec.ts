import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BatchedWrites } from './batched-writes';
import { openDurableDatabase } from './open-durable-database';

describe('BatchedWrites', () => {
  let dir: string;
  let db: Database.Database;
  let writes: BatchedWrites;
  const names = (connection: Database.Database): string[] =>
    connection
      .prepare<[], { name: string }>('SELECT name FROM items ORDER BY name')
      .all()
      .map((row) => row.name);
  const insert = (name: string) => () =>
    db.prepare('INSERT INTO items (name) VALUES (?)').run(name);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'batched-writes-'));
    db = openDurableDatabase(join(dir, 'items.sqlite'));
    db.exec('CREATE TABLE items (name TEXT PRIMARY KEY)');
    writes = new BatchedWrites(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits the writes of one turn together, visible to another connection once resolved', async () => {
    const other = new Database(join(dir, 'items.sqlite'), { readonly: true });
    const pending = [writes.write(insert('a')), writes.write(insert('b'))];
    expect(names(other)).toEqual([]);
    // data_version moves once per commit made by another connection.
    const commits = other.prepare('PRAGMA data_version').pluck();
    const before = commits.get() as number;
    await Promise.all(pending);
    expect(names(other)).toEqual(['a', 'b']);
    expect((commits.get() as number) - before).toBe(1);
    other.close();
  });

  it('fails only the write that throws, and undoes what that write had done', async () => {
    const failing = writes.write(() => {
      insert('half')();
      throw new Error('refused');
    });
    const duplicate = writes.write(insert('x'));
    const again = writes.write(insert('x'));
    const results = await Promise.allSettled([failing, duplicate, again]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'rejected']);
    expect(names(db)).toEqual(['x']);
  });

  it('returns the value of the write', async () => {
    await expect(writes.write(() => 42)).resolves.toBe(42);
  });

  it('drain waits for writes already submitted', async () => {
    void writes.write(insert('late'));
    await writes.drain();
    expect(names(db)).toEqual(['late']);
  });

  it('resolves a write only once the log is fsynced, and the loop runs on meanwhile', async () => {
    let release!: () => void;
    const disk = new Promise<void>((resolve) => (release = resolve));
    let fsyncs = 0;
    const slow = new BatchedWrites(db, {
      fsync: async () => {
        fsyncs += 1;
        await disk;
      },
    });
    let resolved = false;
    const write = slow.write(insert('a')).then(() => (resolved = true));
    while (fsyncs === 0) await new Promise((resolve) => setImmediate(resolve));
    const other = new Database(join(dir, 'items.sqlite'), { readonly: true });
    // Committed (another connection reads it), not yet acknowledged.
    expect(names(other)).toEqual(['a']);
    expect(resolved).toBe(false);
    other.close();
    release();
    await write;
    await slow.close();
  });

  it('fails the batch whose fsync fails, and every write after it', async () => {
    const failing = new BatchedWrites(db, {
      fsync: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })),
    });
    await expect(failing.write(insert('a'))).rejects.toThrow('EIO');
    await expect(failing.write(insert('b'))).rejects.toThrow('EIO');
    await failing.close();
  });

  it('commits an unsynced write without an fsync of its own; the next durable write carries it', async () => {
    let fsyncs = 0;
    const counted = new BatchedWrites(db, {
      fsync: () => {
        fsyncs += 1;
        return Promise.resolve();
      },
    });
    await counted.writeUnsynced(insert('answer'));
    expect(fsyncs).toBe(0);
    await counted.write(insert('marker'));
    // One fsync of the log, for both writes.
    expect(fsyncs).toBe(1);
    expect(names(db)).toEqual(['answer', 'marker']);
    await counted.close();
  });
});
