import Database from 'better-sqlite3';
import { createPrivateFile } from './private-files';

export interface DurableDatabaseOptions {
  /** FULL (default) survives power loss; NORMAL only a process crash. */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long a second connection waits for the writer instead of failing at once. */
  busyTimeoutMs?: number;
  /** Overwrite deleted content with zeros (for files that hold secrets). */
  secureDelete?: boolean;
}

/**
 * Opens (creating it and its folder when missing, private to this user) one of Chronicle's embedded SQLite files the way
 * all of them are opened: WAL, so readers proceed beside the single writer, and
 * `synchronous=FULL`, which fsyncs the WAL on every commit, so nothing acknowledged is lost.
 */
export function openDurableDatabase(
  path: string,
  options: DurableDatabaseOptions = {},
): Database.Database {
  createPrivateFile(path);
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    if (options.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
    if (options.secureDelete) db.pragma('secure_delete = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
