import Database from 'better-sqlite3';
import { ReadStoreUnavailableError } from '../../read-store.port';

/**
 * Holds an exclusive SQLite lock on `<file>.lock` for the life of the store, as the embedded event
 * store does: the lock is a POSIX advisory lock, so the kernel drops it when the holder dies and a
 * `kill -9` leaves nothing stale. One writer per file is what lets the store cache which paths
 * hold arrays.
 */
export class ProcessLock {
  private constructor(private readonly db: Database.Database) {}

  static acquire(lockPath: string, dataFile: string): ProcessLock {
    const db = new Database(lockPath, { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      db.close();
      throw new ReadStoreUnavailableError(
        `Read store ${dataFile} is in use by another Chronicle process (lock ${lockPath}); ` +
          'stop that process or point CHRONICLE_DATA_DIR elsewhere',
        { cause: error },
      );
    }
    return new ProcessLock(db);
  }

  release(): void {
    if (this.db.open) this.db.close();
  }
}
