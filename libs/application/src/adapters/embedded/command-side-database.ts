import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteIdempotencyStore } from './idempotency-store.sqlite';
import { SqliteIdentityIndex } from './identity-index.sqlite';

/** The command side's own embedded stores, sharing one SQLite file. */
export interface CommandSideStores {
  idempotency: SqliteIdempotencyStore;
  identity: SqliteIdentityIndex;
  close(): void;
}

/**
 * Opens (creating it when missing) the file holding idempotency records and the identity index.
 * WAL with synchronous=FULL: a stored answer survives power loss, like the events it describes.
 */
export function openCommandSideStores(path: string): CommandSideStores {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Another process on the same file (a second worker) waits for the writer instead of failing.
    db.pragma('busy_timeout = 5000');
    return {
      idempotency: new SqliteIdempotencyStore(db),
      identity: new SqliteIdentityIndex(db),
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
