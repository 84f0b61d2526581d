import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadStore } from '@chronicle/read-store';
import { SqliteReadStore } from '@chronicle/read-store/embedded';

/**
 * A fresh embedded read store in its own temp folder, so view tests run their queries against the
 * real SQLite adapter; `close()` also removes the folder.
 */
export function openTestReadStore(): Promise<ReadStore> {
  const folder = mkdtempSync(join(tmpdir(), 'chronicle-views-'));
  const store = SqliteReadStore.open({ path: join(folder, 'read-models.sqlite') });
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    rmSync(folder, { recursive: true, force: true });
  };
  return Promise.resolve(store);
}
