import * as readStores from '@chronicle/read-store';
import type { ReadStore } from '@chronicle/read-store';

interface EmbeddedReadStoreAdapter {
  open(options: { path: string }): ReadStore | Promise<ReadStore>;
}

/**
 * The embedded read-store adapter when '@chronicle/read-store' exports it. It is being written
 * alongside the runtime; until it lands the runtime's specs use InMemoryReadStore and the crash
 * spec, which needs a store that survives the process, is skipped.
 */
export const embeddedReadStore: EmbeddedReadStoreAdapter | undefined = (
  readStores as { SqliteReadStore?: EmbeddedReadStoreAdapter }
).SqliteReadStore;
