import type Database from 'better-sqlite3';
import { ChronicleError } from '@chronicle/platform';

/**
 * A SQLite error of one of the command side's files (busy, locked, full, read-only, I/O) as the
 * UNAVAILABLE the API answers 503 with; any other error is passed on as it is. Callers decide
 * whether the failure came before anything was appended, which is what a 503 promises.
 */
export function asUnavailable(file: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  return new ChronicleError(
    'UNAVAILABLE',
    `${file} cannot be written now (${code}); retry`,
    undefined,
    {
      cause: error,
    },
  );
}

/** Runs synchronous SQLite work as a promise whose rejection is mapped by {@link asUnavailable}. */
export function settleOn<T>(file: string, work: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(work())).catch((error: unknown) => {
    throw asUnavailable(file, error);
  });
}

interface CheckpointResult {
  busy: number;
}

/**
 * Copies every page of the write-ahead log back into the database file and empties the log.
 * With secure_delete the file's pages hold zeros where deleted rows were, but the log still holds
 * the earlier page images until this runs; afterwards no file of the database holds them. It
 * cannot finish while another connection reads an older snapshot: then it throws, and the caller
 * runs it again later (it is safe to repeat).
 */
export function truncateWriteAheadLog(db: Database.Database, file: string): void {
  if (db.memory) return;
  const [result] = withoutBusyWait(
    db,
    () => db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointResult[],
  );
  if (result?.busy !== 0) {
    throw new ChronicleError(
      'UNAVAILABLE',
      `${file}: another connection holds the log open; its old pages could not be wiped yet`,
    );
  }
}

/**
 * Runs synchronous work that fails at once, instead of waiting, when another connection holds
 * the lock it needs. better-sqlite3 waits synchronously, stalling every request for the whole
 * busy timeout; erasure work that fails is retried later, so it has no reason to wait.
 */
export function withoutBusyWait<T>(db: Database.Database, work: () => T): T {
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return work();
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}
