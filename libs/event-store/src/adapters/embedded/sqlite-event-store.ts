import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  type DurableDatabaseOptions,
  type FsyncCall,
  GroupCommitter,
  openDurableDatabase,
  type Outcome,
  ProcessLock,
  WalSync,
} from '@chronicle/embedded-sqlite';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamsOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  SubscriptionBatch,
} from '../../event-store.port';
import { AppendOutcomeUnknownError, EventStoreUnavailableError } from '../../errors';
import { validateAppend } from '../../validate-append';
import { AppendWriter, type AppendRequest } from './append-writer';
import { CommitSignal } from './commit-signal';
import { filterClause, parsePosition, toRecordedEvent } from './event-rows';
import { applySchema, EVENT_COLUMNS, type EventRow, READ_STREAMS_SQL } from './schema';

export interface SqliteEventStoreOptions {
  /** Folder holding `events.sqlite` and the process lock; created when missing. */
  directory: string;
  /** FULL (default) survives power loss; NORMAL only a process crash. */
  synchronous?: DurableDatabaseOptions['synchronous'];
  /** Most appends written by one transaction. */
  maxBatch?: number;
  /** Replaces the fsync of the log, for fault tests. */
  fsync?: FsyncCall;
}

/** The batch was committed to the file, but the fsync that would make it durable failed. */
class NotDurableError extends Error {}

const DEFAULT_PAGE = 500;

/**
 * The embedded event store: one SQLite file in WAL mode, written by one process (an OS lock
 * refuses a second), with concurrent appends group-committed into shared transactions.
 *
 * At full durability a batch commits without waiting for the disk and its log is then fsynced on
 * the thread pool; appends are acknowledged, and their events become readable, only once that
 * fsync is done (the durable head). So no reader, projection or follower ever sees an event that
 * a power loss could still take back (docs/adr/009-one-fsync-per-command-group.md).
 */
export class SqliteEventStore implements EventStore {
  private readonly committer: GroupCommitter<AppendRequest, AppendResult>;
  private readonly writer: AppendWriter;
  private readonly commits = new CommitSignal();
  private readonly closing = new AbortController();
  private readonly statements: Map<string, Database.Statement> = new Map();
  private readonly appendOne: (request: AppendRequest, storedAt: string) => AppendResult;
  private closed = false;
  /** The last position committed to the file. */
  private committedHead: number;
  /** The last position known to be on the disk: what reads may return. */
  private durableHead: number;
  private notDurable: unknown;

  private constructor(
    private readonly db: Database.Database,
    private readonly lock: ProcessLock,
    maxBatch: number,
    private readonly wal: WalSync | undefined,
  ) {
    this.committedHead = this.lastPosition();
    this.durableHead = this.committedHead;
    this.writer = new AppendWriter(db);
    // Called inside the batch transaction, this runs as a savepoint: a refused append rolls back
    // alone and the rest of the batch commits.
    this.appendOne = db.transaction((request: AppendRequest, storedAt: string) =>
      this.writer.append(request, storedAt),
    );
    const commitAll = db.transaction((requests: AppendRequest[], storedAt: string) =>
      requests.map((request) => this.appendInSavepoint(request, storedAt)),
    );
    this.committer = new GroupCommitter(
      (requests) => this.commitBatch(commitAll, requests),
      maxBatch,
      wal && (() => this.madeDurable(wal)),
    );
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    mkdirSync(options.directory, { recursive: true });
    const lock = ProcessLock.acquire(
      join(options.directory, 'chronicle.lock'),
      `Data folder ${options.directory}`,
      (message, cause) => new EventStoreUnavailableError(message, { cause }),
    );
    try {
      const path = join(options.directory, 'events.sqlite');
      // Full durability is kept by fsyncing the log after each batch (WalSync), not inside COMMIT.
      const full = (options.synchronous ?? 'FULL') === 'FULL';
      const db = openDurableDatabase(path, { synchronous: 'NORMAL' });
      applySchema(db);
      const wal = full ? new WalSync(path, options.fsync) : undefined;
      return new SqliteEventStore(db, lock, options.maxBatch ?? 1000, wal);
    } catch (error) {
      lock.release();
      throw new EventStoreUnavailableError(`Cannot open the event store in ${options.directory}`, {
        cause: error,
      });
    }
  }

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (this.closed) throw new EventStoreUnavailableError('The event store is closed');
    if (this.notDurable !== undefined) {
      throw new EventStoreUnavailableError(
        'The event store stopped writing after its log could not be made durable; restart it',
        { cause: this.notDurable },
      );
    }
    validateAppend(streamId, events, expected);
    try {
      return await this.committer.submit({ streamId, events, expected });
    } catch (error) {
      if (!(error instanceof NotDurableError)) throw error;
      throw new AppendOutcomeUnknownError(streamId, error.message, { cause: error.cause });
    }
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const sql = `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision ${backwards ? '<=' : '>='} ? AND position <= ? ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT ?`;
    const rows = this.statement(sql).all(
      streamId,
      from,
      this.durableHead,
      options.maxCount ?? -1,
    ) as EventRow[];
    return Promise.resolve(rows.map(toRecordedEvent));
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const rows = this.readPage(parsePosition(options.after), this.durableHead, options);
    return Promise.resolve(rows.map(toRecordedEvent));
  }

  readStreams(
    streamIds: readonly string[],
    options: ReadStreamsOptions = {},
  ): Promise<RecordedEvent[]> {
    const rows = this.statement(READ_STREAMS_SQL).all(
      JSON.stringify(streamIds),
      parsePosition(options.after),
      this.durableHead,
      options.maxCount ?? -1,
    ) as EventRow[];
    return Promise.resolve(rows.map(toRecordedEvent));
  }

  async *subscribe(options: SubscribeOptions = {}): AsyncIterable<SubscriptionBatch> {
    const batchSize = options.batchSize ?? DEFAULT_PAGE;
    const signal = AbortSignal.any([
      this.closing.signal,
      ...(options.signal ? [options.signal] : []),
    ]);
    let after = parsePosition(options.after);
    while (!signal.aborted) {
      // Head and page are read in one synchronous step, so no commit can fall between them.
      const head = this.durableHead;
      if (head <= after) {
        await this.commits.next(signal);
        continue;
      }
      const rows = this.readPage(after, head, { maxCount: batchSize, filter: options.filter });
      const scannedToHead = rows.length < batchSize;
      const checkpoint = scannedToHead ? head : rows[rows.length - 1]!.position;
      yield { events: rows.map(toRecordedEvent), checkpoint: String(checkpoint) };
      after = checkpoint;
      // Reads and a consumer's synchronous writes never wait on I/O, so a catch-up would otherwise
      // run from start to end in microtasks and starve HTTP; give the loop a turn per page.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  headPosition(): Promise<string> {
    return Promise.resolve(String(this.durableHead));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.committer.drain();
    await this.wal?.close();
    this.closing.abort();
    this.db.close();
    this.lock.release();
  }

  private commitBatch(
    commitAll: (requests: AppendRequest[], storedAt: string) => Outcome<AppendResult>[],
    requests: AppendRequest[],
  ): Outcome<AppendResult>[] {
    let outcomes: Outcome<AppendResult>[];
    try {
      outcomes = commitAll(requests, new Date().toISOString());
    } catch (error) {
      this.writer.rolledBack();
      throw new EventStoreUnavailableError(
        'The event store could not write; nothing was appended',
        {
          cause: error,
        },
      );
    }
    this.writer.committed();
    this.committedHead = this.lastPosition();
    if (!this.wal) this.becameDurable(this.committedHead);
    return outcomes;
  }

  /** Called right after a batch committed: resolves once it is on the disk. */
  private async madeDurable(wal: WalSync): Promise<void> {
    const head = this.committedHead;
    try {
      await wal.sync();
    } catch (error) {
      this.notDurable = error;
      throw new NotDurableError('The append was written but could not be made durable', {
        cause: error,
      });
    }
    this.becameDurable(head);
  }

  private becameDurable(head: number): void {
    if (head <= this.durableHead) return;
    this.durableHead = head;
    this.commits.notify();
  }

  private appendInSavepoint(request: AppendRequest, storedAt: string): Outcome<AppendResult> {
    try {
      return { ok: true, value: this.appendOne(request, storedAt) };
    } catch (error) {
      // The file or the disk failed: the whole batch fails, and the store reports unavailable.
      if (error instanceof Database.SqliteError) throw error;
      // Anything else is this append's own fault (a refused revision, data JSON cannot encode):
      // its savepoint is rolled back and it fails alone, with its own error.
      return { ok: false, error };
    }
  }

  private lastPosition(): number {
    const row = this.statement('SELECT MAX(position) AS head FROM events').get() as {
      head: number | null;
    };
    return row.head ?? 0;
  }

  private readPage(after: number, upTo: number, options: ReadAllOptions): EventRow[] {
    const filter = filterClause(options.filter);
    const sql = `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ?${filter.sql} ORDER BY position LIMIT ?`;
    return this.statement(sql).all(
      after,
      upTo,
      ...filter.params,
      options.maxCount ?? -1,
    ) as EventRow[];
  }

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }
}
