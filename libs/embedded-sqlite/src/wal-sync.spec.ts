import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDurableDatabase } from './open-durable-database';
import { WalSync } from './wal-sync';

/** Holds the loop for `ms`, as an fsync on a slow disk does. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('WalSync: where the fsync runs', () => {
  let dir: string;
  let db: Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wal-sync-'));
    db = openDurableDatabase(join(dir, 'items.sqlite'));
    db.exec('CREATE TABLE items (name TEXT)');
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stays on the loop while fsyncs are fast, leaves it once they are slow, and comes back', async () => {
    const calls: string[] = [];
    let diskMs = 0.01;
    const wal = new WalSync(
      db.name,
      () => {
        calls.push('pool');
        busyFor(diskMs);
        return Promise.resolve();
      },
      () => {
        calls.push('loop');
        busyFor(diskMs);
      },
    );
    const syncs = async (count: number): Promise<string[]> => {
      calls.length = 0;
      for (let sync = 0; sync < count; sync += 1) {
        db.exec("INSERT INTO items VALUES ('x')");
        await wal.sync();
      }
      return [...calls];
    };

    expect(new Set(await syncs(20))).toEqual(new Set(['loop']));
    diskMs = 3;
    expect((await syncs(30)).at(-1)).toBe('pool');
    // The disk is fast again: the average falls and the fsyncs return to the loop.
    diskMs = 0.01;
    expect((await syncs(400)).at(-1)).toBe('loop');
    await wal.close();
  });
});
