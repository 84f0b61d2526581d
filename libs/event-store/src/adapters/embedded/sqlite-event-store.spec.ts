import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../../testing/event-store.contract';
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
