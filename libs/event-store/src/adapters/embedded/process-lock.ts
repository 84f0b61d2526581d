import Database from 'better-sqlite3';
import { EventStoreUnavailableError } from '../../errors';

/**
 * Holds an exclusive SQLite lock on `<dir>/chronicle.lock` for the life of the process. SQLite's
 * lock is a POSIX advisory lock: the kernel drops it when the holder dies, so a `kill -9` leaves
 * no stale lock behind, unlike a pid file.
 */
export class ProcessLock {
  private constructor(private readonly db: Database.Database) {}

  static acquire(lockPath: string, dataDescription: string): ProcessLock {
    const db = new Database(lockPath, { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      db.close();
      throw new EventStoreUnavailableError(
        `${dataDescription} is in use by another Chronicle process (lock ${lockPath}); ` +
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
