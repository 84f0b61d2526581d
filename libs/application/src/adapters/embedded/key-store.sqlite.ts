import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { BatchedWrites, openDurableDatabase } from '@chronicle/embedded-sqlite';
import type { KeyStore } from '../../privacy/key-store.port';
import { ErasedSubjectError, MissingKeyError } from '../../privacy/privacy-errors';

const KEY_BYTES = 32;
const IN_MEMORY = ':memory:';

interface KeyRow {
  key: Buffer | null;
}

interface CheckpointResult {
  busy: number;
}

/**
 * The embedded key store: one SQLite file of its own (e.g. `<dataDir>/keys.sqlite`), apart from
 * the events. A row holds a subject's key; erasure overwrites the row with a tombstone (no key).
 */
export class SqliteKeyStore implements KeyStore {
  // Keys only: a destroyed subject is never cached, so destroy cannot leave a stale key behind.
  private readonly cache = new Map<string, Buffer>();
  private readonly selectKey: Database.Statement<[string], KeyRow>;
  private readonly insertKey: Database.Statement<[string, Buffer]>;
  private readonly writeTombstone: Database.Statement<[string, string]>;
  // New keys of one event-loop turn share a commit: one fsync for many new contacts.
  private readonly writes: BatchedWrites;

  private constructor(private readonly db: Database.Database) {
    this.writes = new BatchedWrites(db);
    this.selectKey = db.prepare('SELECT key FROM subject_keys WHERE subject_id = ?');
    this.insertKey = db.prepare(
      'INSERT OR IGNORE INTO subject_keys (subject_id, key, erased_at) VALUES (?, ?, NULL)',
    );
    this.writeTombstone = db.prepare(`
      INSERT INTO subject_keys (subject_id, key, erased_at) VALUES (?, NULL, ?)
      ON CONFLICT (subject_id) DO UPDATE SET key = NULL, erased_at = COALESCE(erased_at, excluded.erased_at)
    `);
  }

  /** Opens (or creates, readable by this user only) the key file at `path`. */
  static open(path: string): SqliteKeyStore {
    if (path !== IN_MEMORY) createPrivateFile(path);
    // FULL: a created key must survive power loss, or events sealed with it would be unreadable.
    // secure_delete overwrites a destroyed key with zeros instead of leaving it in free pages.
    const db = openDurableDatabase(path, { secureDelete: true });
    try {
      applyKeySchema(db);
      return new SqliteKeyStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async keyFor(subjectId: string): Promise<Buffer> {
    const cached = this.cache.get(subjectId);
    if (cached) return cached;
    const existing = this.selectKey.get(subjectId);
    if (existing) return this.remember(subjectId, existing);
    // INSERT OR IGNORE then SELECT: whoever inserted first (this call, an earlier one, another
    // connection) wins, and every caller reads back that one key, once it is durable.
    await this.writes.write(() => this.insertKey.run(subjectId, randomBytes(KEY_BYTES)));
    return this.remember(subjectId, this.selectKey.get(subjectId));
  }

  existingKey(subjectId: string): Promise<Buffer | 'erased'> {
    return settle(() => {
      const cached = this.cache.get(subjectId);
      if (cached) return cached;
      const row = this.selectKey.get(subjectId);
      if (!row) throw new MissingKeyError(subjectId);
      return row.key === null ? 'erased' : this.remember(subjectId, row);
    });
  }

  destroy(subjectId: string): Promise<void> {
    return settle(() => {
      this.cache.delete(subjectId);
      this.writeTombstone.run(subjectId, new Date().toISOString());
      this.checkpoint(subjectId);
    });
  }

  async close(): Promise<void> {
    if (this.db.open) await this.writes.drain();
    this.cache.clear();
    if (this.db.open) this.db.close();
  }

  private remember(subjectId: string, row: KeyRow | undefined): Buffer {
    if (!row) throw new MissingKeyError(subjectId);
    if (row.key === null) throw new ErasedSubjectError(subjectId);
    this.cache.set(subjectId, row.key);
    return row.key;
  }

  // secure_delete zeroes the key inside the database file's pages, but in WAL mode the page
  // images that held the key stay in keys.sqlite-wal until a checkpoint copies the new pages
  // back and the log is reset. TRUNCATE does both and shrinks the log to zero bytes, so the
  // destroyed key survives in no file SQLite owns. When a reader holds the log open it cannot
  // finish: destroy then fails loudly, and repeating it (idempotent) retries the checkpoint.
  private checkpoint(subjectId: string): void {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointResult[];
    if (result?.busy !== 0) {
      throw new Error(
        `The key of ${subjectId} is destroyed, but the key file's log could not be cleared; ` +
          'call destroy again to finish wiping it',
      );
    }
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

// better-sqlite3 is synchronous; this gives the port's promises, with throws as rejections.
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}
