import { BatchedWrites, openDurableDatabase } from '@chronicle/embedded-sqlite';
import { SqliteIdempotencyStore } from './idempotency-store.sqlite';
import { SqliteIdentityIndex } from './identity-index.sqlite';

/** The command side's own embedded stores, sharing one SQLite file. */
export interface CommandSideStores {
  idempotency: SqliteIdempotencyStore;
  identity: SqliteIdentityIndex;
  /** Waits for writes already submitted, then closes the file. */
  close(): Promise<void>;
}

/**
 * Opens (creating it when missing) the file holding idempotency records and the identity index.
 * WAL with synchronous=FULL: a stored answer survives power loss, like the events it describes.
 */
export function openCommandSideStores(path: string): CommandSideStores {
  // Another process on the same file (a second worker) waits for the writer instead of failing.
  const db = openDurableDatabase(path, { busyTimeoutMs: 5000 });
  try {
    // One batch for both stores: their writes of one event-loop turn share a single fsync.
    const writes = new BatchedWrites(db);
    return {
      idempotency: new SqliteIdempotencyStore(db, writes),
      identity: new SqliteIdentityIndex(db, writes),
      close: async () => {
        await writes.drain();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
