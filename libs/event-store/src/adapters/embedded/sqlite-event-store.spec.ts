import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreUnavailableError } from '../../errors';
import type { JsonObject } from '../../event-store.port';
import { describeEventStoreContract } from '../../testing/event-store.contract';
import { anEvent } from '../../testing/event-factory';
import { SqliteEventStore } from './sqlite-event-store';

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describeEventStoreContract('embedded SQLite', () => {
  const directory = mkdtempSync(join(tmpdir(), 'chronicle-es-'));
  directories.push(directory);
  return Promise.resolve(SqliteEventStore.open({ directory }));
});

describe('SqliteEventStore, an append that cannot be written', () => {
  it('fails alone with its own error, while the appends batched with it commit', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'chronicle-es-'));
    directories.push(directory);
    const store = SqliteEventStore.open({ directory });
    // Typed as JSON, but JSON cannot encode a BigInt: a caller's bug, not an unavailable store.
    const unencodable = { ...anEvent(), data: { amount: 10n } as unknown as JsonObject };

    // Submitted in one turn of the loop, so all three share one batch and one transaction.
    const results = await Promise.allSettled([
      store.append('deal-1', [anEvent()], 'no_stream'),
      store.append('deal-2', [unencodable], 'no_stream'),
      store.append('deal-3', [anEvent()], 'no_stream'),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refusal = (results[1] as PromiseRejectedResult).reason as unknown;
    expect(refusal).toBeInstanceOf(TypeError);
    expect(refusal).not.toBeInstanceOf(EventStoreUnavailableError);
    expect((await store.readAll()).map((event) => event.streamId)).toEqual(['deal-1', 'deal-3']);
    await store.close();
  });
});
