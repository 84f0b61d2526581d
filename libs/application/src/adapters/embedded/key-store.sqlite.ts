import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { BatchedWrites, type FsyncCall, openDurableDatabase } from '@chronicle/embedded-sqlite';
import { FaultPoints } from '../../erasure/fault-points';
import type { KeyStore } from '../../privacy/key-store.port';
import { LruCache } from '../../privacy/lru-cache';
import { ErasedSubjectError, MissingKeyError } from '../../privacy/privacy-errors';
import { SqliteErasureCheckpoint } from './erasure-checkpoint.sqlite';
import { asUnavailable, settleOn, truncateWriteAheadLog, withoutBusyWait } from './sqlite-failures';

const KEY_BYTES = 32;
const IN_MEMORY = ':memory:';
const FILE = 'The key store';
export const DEFAULT_KEY_CACHE_CAPACITY = 10_000;

interface KeyRow {
  key: Buffer | null;
}

/** A live key in memory, and whether it is known to be on the disk (see `keyFor`). */
interface KnownKey {
  key: Buffer;
  durable: boolean;
}

export interface SqliteKeyStoreOptions {
  /** Live keys kept in memory, least recently used dropped first. */
  cacheCapacity?: number;
  /** How long a write waits for another connection's lock before it fails (UNAVAILABLE). */
  busyTimeoutMs?: number;
  faults?: FaultPoints;
  /** Replaces the fsync of the key file's log, for fault tests. */
  fsync?: FsyncCall;
}

/**
 * The embedded key store: one SQLite file of its own (e.g. `<dataDir>/keys.sqlite`), apart from
 * the events. A row holds a subject's key; erasure overwrites the row with a tombstone (no key).
 */
export class SqliteKeyStore implements KeyStore {
  /** How far the log's erasures are carried out in this file. */
  readonly erasureCheckpoint: SqliteErasureCheckpoint;
  // Keys only: a destroyed subject is never cached, so destroy cannot leave a stale key behind.
  private readonly cache: LruCache<string, KnownKey>;
  private readonly selectKey: Database.Statement<[string], KeyRow>;
  private readonly insertKey: Database.Statement<[string, Buffer]>;
  private readonly writeTombstone: Database.Statement<[string, string]>;
  // New keys of one event-loop turn share a commit: one fsync for many new contacts.
  private readonly writes: BatchedWrites;

  private constructor(
    private readonly db: Database.Database,
    private readonly options: SqliteKeyStoreOptions,
  ) {
    this.cache = new LruCache(options.cacheCapacity ?? DEFAULT_KEY_CACHE_CAPACITY);
    this.writes = new BatchedWrites(db, { fsync: options.fsync });
    this.erasureCheckpoint = new SqliteErasureCheckpoint(db, FILE);
    this.selectKey = db.prepare('SELECT key FROM subject_keys WHERE subject_id = ?');
    this.insertKey = db.prepare(
      'INSERT OR IGNORE INTO subject_keys (subject_id, key, erased_at) VALUES (?, ?, NULL)',
    );
    this.writeTombstone = db.prepare(`
      INSERT INTO subject_keys (subject_id, key, erased_at) VALUES (?, NULL, ?)
      ON CONFLICT (subject_id) DO UPDATE SET key = NULL, erased_at = excluded.erased_at
      WHERE subject_keys.key IS NOT NULL
    `);
  }

  /** Opens (or creates, readable by this user only) the key file at `path`. */
  static open(path: string, options: SqliteKeyStoreOptions = {}): SqliteKeyStore {
    if (path !== IN_MEMORY) createPrivateFile(path);
    // FULL: a created key must survive power loss, or events sealed with it would be unreadable.
    // secure_delete overwrites a destroyed key with zeros instead of leaving it in free pages.
    // A short busy wait: better-sqlite3 waits synchronously, which would stall every request.
    const db = openDurableDatabase(path, {
      secureDelete: true,
      busyTimeoutMs: options.busyTimeoutMs ?? 250,
    });
    try {
      applyKeySchema(db);
      return new SqliteKeyStore(db, options);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * The key to seal with. It is handed out only once it is on the disk: new keys are committed
   * before their fsync, so a key read from the file may not be durable yet (created a moment ago
   * by this process or another one), and an event sealed with a key that a power loss then takes
   * away could never be read again.
   */
  async keyFor(subjectId: string): Promise<Buffer> {
    try {
      const known = this.cache.get(subjectId) ?? this.read(subjectId);
      if (known?.durable) return known.key;
      if (known) return await this.madeDurable(subjectId, known);
      // INSERT OR IGNORE then SELECT: whoever inserted first (this call, an earlier one, another
      // connection) wins, and every caller reads back that one key, once it is durable.
      await this.writes.write(() => this.insertKey.run(subjectId, randomBytes(KEY_BYTES)));
      return this.remember(subjectId, this.selectKey.get(subjectId), true).key;
    } catch (error) {
      throw asUnavailable(FILE, error);
    }
  }

  existingKey(subjectId: string): Promise<Buffer | 'erased'> {
    return settleOn(FILE, () => {
      const cached = this.cache.get(subjectId);
      if (cached) return cached.key;
      const row = this.selectKey.get(subjectId);
      if (!row) throw new MissingKeyError(subjectId);
      return row.key === null ? 'erased' : this.remember(subjectId, row, false).key;
    });
  }

  /**
   * Tombstones the subject (a row that is one already is not written again), then wipes the
   * write-ahead log, which is done every time: an earlier destroy may have been cut off before it.
   */
  destroy(subjectId: string): Promise<void> {
    return settleOn(FILE, () => {
      this.cache.delete(subjectId);
      withoutBusyWait(this.db, () => this.writeTombstone.run(subjectId, new Date().toISOString()));
      (this.options.faults ?? FaultPoints.none).reach('erase.after-key-tombstoned');
      truncateWriteAheadLog(this.db, FILE);
    });
  }

  async close(): Promise<void> {
    if (this.db.open) await this.writes.close();
    this.cache.clear();
    if (this.db.open) this.db.close();
  }

  private read(subjectId: string): KnownKey | undefined {
    const row = this.selectKey.get(subjectId);
    return row && this.remember(subjectId, row, false);
  }

  private async madeDurable(subjectId: string, known: KnownKey): Promise<Buffer> {
    await this.writes.flushLog();
    // Read again: the subject may have been destroyed while the log was flushed.
    const row = this.selectKey.get(subjectId);
    if (row?.key && !row.key.equals(known.key)) throw new MissingKeyError(subjectId);
    return this.remember(subjectId, row, true).key;
  }

  private remember(subjectId: string, row: KeyRow | undefined, durable: boolean): KnownKey {
    if (!row) throw new MissingKeyError(subjectId);
    if (row.key === null) throw new ErasedSubjectError(subjectId);
    const known = { key: row.key, durable };
    this.cache.set(subjectId, known);
    return known;
  }
}

function applyKeySchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS subject_keys (
      subject_id TEXT PRIMARY KEY,
      key        BLOB,
      erased_at  TEXT,
      CHECK ((key IS NULL) <> (erased_at IS NULL))
    ) WITHOUT ROWID;
  `);
}

// SQLite gives its -wal and -shm files the mode of the database file, so all three stay private.
function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}
