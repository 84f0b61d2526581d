import type Database from 'better-sqlite3';
import { GroupCommitter, type Outcome } from './group-committer';

/**
 * Small writes to one SQLite file, group-committed: the writes of one event-loop turn share a
 * transaction and its fsync. Each resolves only once committed, so an awaited write is as
 * durable as a synchronous one; a write that throws fails alone (it runs in its own savepoint).
 * Without this, every command's few durable writes each blocked the event loop for an fsync.
 */
export class BatchedWrites {
  private readonly committer: GroupCommitter<() => unknown, unknown>;

  constructor(db: Database.Database) {
    // A better-sqlite3 transaction called inside another one runs as a savepoint.
    const writeOne = db.transaction((write: () => unknown) => write());
    const writeBatch = db.transaction((writes: Array<() => unknown>) =>
      writes.map((write): Outcome<unknown> => {
        try {
          return { ok: true, value: writeOne(write) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
    this.committer = new GroupCommitter(writeBatch);
  }

  /** Runs `write` in the next batch and resolves with its result once the batch is durable. */
  write<T>(write: () => T): Promise<T> {
    return this.committer.submit(write) as Promise<T>;
  }

  /** Resolves once every write submitted so far has been committed or refused. */
  drain(): Promise<void> {
    return this.committer.drain();
  }
}
