import type Database from 'better-sqlite3';
import type { BatchedWrites } from '@chronicle/embedded-sqlite';
import type { CommandResult } from '../../pipeline/command-types';
import type { IdempotencyRecord, IdempotencyStore } from '../../idempotency/idempotency-store.port';

interface RecordRow {
  fingerprint: string;
  response: string | null;
}

/** Idempotency records in the command side's SQLite file. */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly select: Database.Statement<[string], RecordRow>;
  private readonly upsert: Database.Statement<[string, string, string | null, string]>;

  constructor(
    db: Database.Database,
    private readonly writes: BatchedWrites,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS idempotency_records (
        idempotency_key TEXT PRIMARY KEY,
        fingerprint     TEXT NOT NULL,
        response        TEXT,
        updated_at      TEXT NOT NULL
      )
    `);
    this.select = db.prepare(
      'SELECT fingerprint, response FROM idempotency_records WHERE idempotency_key = ?',
    );
    this.upsert = db.prepare(`
      INSERT INTO idempotency_records (idempotency_key, fingerprint, response, updated_at)
      VALUES (?, ?, ?, ?)
      ON CONFLICT (idempotency_key) DO UPDATE SET
        fingerprint = excluded.fingerprint,
        response = excluded.response,
        updated_at = excluded.updated_at
    `);
  }

  get(key: string): Promise<IdempotencyRecord | undefined> {
    const row = this.select.get(key);
    if (!row) return Promise.resolve(undefined);
    const response = row.response === null ? null : (JSON.parse(row.response) as CommandResult);
    return Promise.resolve({ requestFingerprint: row.fingerprint, response });
  }

  put(key: string, record: IdempotencyRecord): Promise<void> {
    const response = record.response === null ? null : JSON.stringify(record.response);
    const updatedAt = new Date().toISOString();
    return this.writes.write(() => {
      this.upsert.run(key, record.requestFingerprint, response, updatedAt);
    });
  }
}
