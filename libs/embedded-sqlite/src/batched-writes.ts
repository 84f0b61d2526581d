import type Database from 'better-sqlite3';
import { GroupCommitter, type Outcome } from './group-committer';
import { type FsyncCall, WalSync } from './wal-sync';

interface Write {
  run: () => unknown;
  /** Resolve only once on the disk (else once committed). */
  durable: boolean;
}

export interface BatchedWritesOptions {
  /** Replaces the fsync of the file's log, for fault tests. */
  fsync?: FsyncCall;
}

/**
 * Small writes to one SQLite file, group-committed: the writes of one event-loop turn share a
 * transaction and its fsync. Each resolves only once durable, so an awaited write is as durable
 * as a synchronous one; a write that throws fails alone (it runs in its own savepoint).
 *
 * The batch commits without waiting for the disk and its log is then fsynced on the thread pool
 * (`WalSync`): the event loop keeps running meanwhile, and the fsyncs of the command side's files
 * overlap instead of following one another (docs/adr/009-one-fsync-per-command-group.md). Other
 * writes on the same connection keep the connection's own `synchronous` setting.
 */
export class BatchedWrites {
  private readonly committer: GroupCommitter<Write, unknown>;
  private readonly wal: WalSync | undefined;

  constructor(db: Database.Database, options: BatchedWritesOptions = {}) {
    // A better-sqlite3 transaction called inside another one runs as a savepoint.
    const writeOne = db.transaction((write: () => unknown) => write());
    const writeBatch = db.transaction((writes: Write[]) =>
      writes.map(({ run }): Outcome<unknown> => {
        try {
          return { ok: true, value: writeOne(run) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
    const synchronous = Number(db.pragma('synchronous', { simple: true }));
    // Only a file that promises durability (FULL or EXTRA) is fsynced; NORMAL stays as chosen.
    this.wal = db.memory || synchronous < 2 ? undefined : new WalSync(db.name, options.fsync);
    const wal = this.wal;
    if (!wal) {
      this.committer = new GroupCommitter(writeBatch);
      return;
    }
    const unsynced = db.prepare('PRAGMA synchronous = NORMAL');
    const restored = db.prepare(`PRAGMA synchronous = ${synchronous}`);
    const commitUnsynced = (writes: Write[]): Outcome<unknown>[] => {
      unsynced.run();
      try {
        return writeBatch(writes);
      } finally {
        restored.run();
      }
    };
    this.committer = new GroupCommitter(commitUnsynced, 1000, (writes) =>
      writes.some((write) => write.durable) ? wal.sync() : undefined,
    );
  }

  /** Runs `write` in the next batch and resolves with its result once the batch is durable. */
  write<T>(write: () => T): Promise<T> {
    return this.committer.submit({ run: write, durable: true }) as Promise<T>;
  }

  /**
   * Runs `write` in the next batch and resolves once it is committed, without an fsync of its
   * own: the next durable write's fsync (or the close) carries it to the disk. For what a crash
   * may lose because it can be rebuilt, so it costs no wait for the disk.
   */
  writeUnsynced<T>(write: () => T): Promise<T> {
    return this.committer.submit({ run: write, durable: false }) as Promise<T>;
  }

  /**
   * Resolves once everything committed to the file so far, by this connection or another one, is
   * on the disk.
   */
  flushLog(): Promise<void> {
    return this.wal ? this.wal.sync() : Promise.resolve();
  }

  /** Resolves once every write submitted so far has been committed or refused. */
  drain(): Promise<void> {
    return this.committer.drain();
  }

  /** Drains, makes every commit durable, then lets go of the log file; call before closing. */
  async close(): Promise<void> {
    await this.drain();
    await this.wal?.sync().catch(() => undefined);
    await this.wal?.close();
  }
}
