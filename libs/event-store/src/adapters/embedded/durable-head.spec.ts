import { fsync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { AppendOutcomeUnknownError, EventStoreUnavailableError } from '../../errors';
import { anEvent } from '../../testing/event-factory';
import { SqliteEventStore } from './sqlite-event-store';

const realFsync = promisify(fsync);

/** An fsync that waits until the test opens the gate, as a slow disk would. */
class FsyncGate {
  calls = 0;
  private opened!: () => void;
  private gate = this.close();

  readonly fsync = async (fd: number): Promise<void> => {
    this.calls += 1;
    await this.gate;
    await realFsync(fd);
  };

  open(): void {
    this.opened();
  }

  close(): Promise<void> {
    this.gate = new Promise((resolve) => (this.opened = resolve));
    return this.gate;
  }
}

/** Resolves once the gated fsync has been asked for `count` times in all. */
async function fsyncRequested(gate: FsyncGate, count: number): Promise<void> {
  while (gate.calls < count) await new Promise((resolve) => setImmediate(resolve));
}

describe('SqliteEventStore: nothing is acknowledged or readable before it is on the disk', () => {
  let directory: string;
  let gate: FsyncGate;
  let store: SqliteEventStore;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'chronicle-durable-'));
    gate = new FsyncGate();
    store = SqliteEventStore.open({ directory, fsync: gate.fsync });
    // A first batch, so every test starts from a store that holds an event.
    const first = store.append('deal-0', [anEvent()], 'no_stream');
    gate.open();
    await first;
    gate.calls = 0;
    void gate.close();
  });
  afterEach(async () => {
    gate.open();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers the append and shows its event to every read only once its fsync is done', async () => {
    let acknowledged = false;
    const append = store.append('deal-1', [anEvent()], 'no_stream').then((result) => {
      acknowledged = true;
      return result;
    });
    await fsyncRequested(gate, 1);

    expect(acknowledged).toBe(false);
    expect(await store.headPosition()).toBe('1');
    expect(await store.readStream('deal-1')).toEqual([]);
    expect((await store.readAll()).map((event) => event.streamId)).toEqual(['deal-0']);
    expect(await store.readStreams(['deal-1'])).toEqual([]);

    gate.open();
    const result = await append;
    expect(result.position).toBe('2');
    expect(await store.headPosition()).toBe('2');
    expect(await store.readStream('deal-1')).toHaveLength(1);
    expect(await store.readStreams(['deal-0', 'deal-1'])).toHaveLength(2);
  });

  it('wakes a subscriber with the event only once it is durable', async () => {
    const abort = new AbortController();
    const subscription = store.subscribe({ after: '1', signal: abort.signal });
    const delivered: string[] = [];
    const reading = (async () => {
      for await (const batch of subscription) {
        delivered.push(...batch.events.map((event) => event.streamId));
        if (delivered.length > 0) return;
      }
    })();
    const append = store.append('deal-2', [anEvent()], 'no_stream');
    await fsyncRequested(gate, 1);
    // Let the subscriber run as long as it wants: it must find nothing to deliver.
    for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(delivered).toEqual([]);

    gate.open();
    await append;
    await reading;
    expect(delivered).toEqual(['deal-2']);
    abort.abort();
  });

  it('gathers the appends that arrive during an fsync into the next group, with one fsync', async () => {
    const first = store.append('deal-3', [anEvent()], 'no_stream');
    await fsyncRequested(gate, 1);
    const later = [
      store.append('deal-4', [anEvent()], 'no_stream'),
      store.append('deal-5', [anEvent()], 'no_stream'),
    ];
    for (let turn = 0; turn < 10; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    const reader = new Database(join(directory, 'events.sqlite'), { readonly: true });
    const committed = reader.prepare('SELECT COUNT(*) AS n FROM events').pluck();
    // They wait for the running fsync, which could not have covered them anyway.
    expect(committed.get()).toBe(2);
    expect(gate.calls).toBe(1);

    gate.open();
    await Promise.all([first, ...later]);
    expect(committed.get()).toBe(4);
    expect(gate.calls).toBe(2);
    expect(await store.headPosition()).toBe('4');
    reader.close();
  });

  it('answers outcome unknown when the fsync fails, and refuses every later append', async () => {
    await store.close();
    const diskError = Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    store = SqliteEventStore.open({ directory, fsync: () => Promise.reject(diskError) });
    await expect(store.append('deal-6', [anEvent()], 'no_stream')).rejects.toBeInstanceOf(
      AppendOutcomeUnknownError,
    );
    await expect(store.append('deal-7', [anEvent()], 'no_stream')).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
  });
});
