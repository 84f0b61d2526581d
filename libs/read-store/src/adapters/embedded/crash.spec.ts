import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from './sqlite-read-store';
import { exited, killAllFixtures, readLines, runFixture } from '@chronicle/event-store/testing';
import { CRASH_PROJECTION, ENTRIES_PER_BATCH, RECENT_KEPT } from './testing/crash-batches';

const fixture = (name: string): string => join(__dirname, 'testing', `${name}.ts`);

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'chronicle-rs-crash-'));
});
afterEach(async () => {
  await killAllFixtures();
  rmSync(directory, { recursive: true, force: true });
});

async function runAndKill(path: string, batches: number): Promise<number> {
  const writer = runFixture(fixture('apply-until-killed'), [path]);
  const lines = await readLines(writer, (seen) => seen.length > batches);
  writer.kill('SIGKILL');
  await exited(writer);
  const acknowledged = lines.filter((line) => /^\d+$/.test(line)).map(Number);
  expect(acknowledged.length).toBeGreaterThanOrEqual(batches);
  return Math.max(...acknowledged);
}

async function expectConsistent(path: string, lastAcknowledged: number): Promise<number> {
  const store = SqliteReadStore.open({ path });
  try {
    const position = Number(await store.checkpoint(CRASH_PROJECTION));
    expect(position).toBeGreaterThanOrEqual(lastAcknowledged);
    expect(await store.get('counter', 'counter')).toEqual({ _id: 'counter', position });
    expect(await store.count('log', {})).toBe(position * ENTRIES_PER_BATCH);
    expect(await store.count('log', { position: { $gt: position } })).toBe(0);
    const recent = await store.find('recent', {}, { sort: { position: 1 } });
    const expectedRecent = Array.from(
      { length: RECENT_KEPT },
      (_, i) => position - RECENT_KEPT + 1 + i,
    );
    expect(recent.map((document) => document.position)).toEqual(expectedRecent);
    return position;
  } finally {
    await store.close();
  }
}

describe('embedded read store: crash consistency', () => {
  it('after kill -9 mid-run, checkpoint and documents agree, and the run resumes from them', async () => {
    const path = join(directory, 'read-models.sqlite');
    const first = await runAndKill(path, 150);
    const afterFirst = await expectConsistent(path, first);

    const second = await runAndKill(path, 150);
    expect(second).toBeGreaterThan(afterFirst);
    await expectConsistent(path, second);
  });
});
