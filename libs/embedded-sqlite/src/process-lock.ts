import Database from 'better-sqlite3';
import { createPrivateFile } from './private-files';

/**
 * Holds an exclusive SQLite lock on a lock file for as long as it is held. SQLite's lock is a
 * POSIX advisory lock: the kernel drops it when the holder dies, so a `kill -9` leaves no stale
 * lock behind, unlike a pid file. A second opener, in this process or another, is refused at once.
 */
export class ProcessLock {
  private constructor(private readonly db: Database.Database) {}

  /**
   * @param guarded what the lock guards, for the message (e.g. "Data folder ./data").
   * @param refusal turns the message into the caller's own error type.
   */
  static acquire(
    lockPath: string,
    guarded: string,
    refusal: (message: string, cause: unknown) => Error,
  ): ProcessLock {
    createPrivateFile(lockPath);
    const db = new Database(lockPath, { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      db.close();
      throw refusal(
        `${guarded} is in use by another Chronicle process (lock ${lockPath}); ` +
          'stop that process or point CHRONICLE_DATA_DIR elsewhere',
        error,
      );
    }
    return new ProcessLock(db);
  }

  release(): void {
    if (this.db.open) this.db.close();
  }
}
