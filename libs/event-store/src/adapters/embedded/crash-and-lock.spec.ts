import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChainBreak } from '../../hash-chain';
import { SqliteEventStore } from './sqlite-event-store';
import { exited, killAllFixtures, readLines, runFixture } from '../../testing/fixture-process';

const fixture = (name: string): string => join(__dirname, 'testing', `${name}.ts`);

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'chronicle-crash-'));
});
afterEach(async () => {
  await killAllFixtures();
  rmSync(directory, { recursive: true, force: true });
});

describe('embedded store: one process per data folder', () => {
  it('refuses a second opener in the same process with a clear message', () => {
    const store = SqliteEventStore.open({ directory });
    expect(() => SqliteEventStore.open({ directory })).toThrow(
      /in use by another Chronicle process/,
    );
    return store.close();
  });

  it('refuses another process while held, and frees the folder when the holder is killed -9', async () => {
    const holder = runFixture(fixture('hold-store'), [directory]);
    await readLines(holder, (lines) => lines.includes('opened'));

    const contender = runFixture(fixture('hold-store'), [directory]);
    const said = await readLines(contender, () => false);
    expect(await exited(contender)).toBe(3);
    expect(said.join('\n')).toMatch(/refused: .*in use by another Chronicle process/);

    holder.kill('SIGKILL');
    await exited(holder);
    const store = SqliteEventStore.open({ directory });
    await store.close();
  });
});

describe('embedded store: crash durability', () => {
  it('keeps every acknowledged append when the writer is killed -9 mid-burst', async () => {
    const writer = runFixture(fixture('append-until-killed'), [directory]);
    const lines = await readLines(writer, (seen) => seen.length > 400);
    writer.kill('SIGKILL');
    await exited(writer);
    const acknowledged = lines.filter((line) => line !== 'ready');
    expect(acknowledged.length).toBeGreaterThanOrEqual(400);

    const store = SqliteEventStore.open({ directory });
    try {
      const stored = await store.readAll();
      const storedIds = new Set(stored.map((event) => event.eventId));
      expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
      expect(storedIds.size).toBe(stored.length);
      for (let id = 0; id < 16; id += 1) {
        expect(findChainBreak(await store.readStream(`crash-${id}`))).toBeUndefined();
      }
    } finally {
      await store.close();
    }
  });
});
