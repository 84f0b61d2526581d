import type Database from 'better-sqlite3';
import type { BatchedWrites } from '@chronicle/embedded-sqlite';
import type { CommandResult } from '../../pipeline/command-types';
import type { IdempotencyRecord, IdempotencyStore } from '../../idempotency/idempotency-store.port';
import { asUnavailable, settleOn } from './sqlite-failures';

interface RecordRow {
  fingerprint: string;
  response: string | null;
}

const FILE = 'The command-side store';

/** Idempotency records in the command side's SQLite file, with the subjects each concerns. */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly select: Database.Statement<[string], RecordRow>;
  private readonly selectSubjects: Database.Statement<[string], { subject_id: string }>;
  private readonly upsert: Database.Statement<[string, string, string | null, string]>;
  private readonly addSubject: Database.Statement<[string, string]>;
  private readonly deleteOfSubject: Database.Statement<[string]>;
  private readonly deleteSubjectRows: Database.Statement<[string]>;

  constructor(
    db: Database.Database,
    private readonly writes: BatchedWrites,
  ) {
    // Records of versions before scoped keys were keyed by the bare key: they cannot be told
    // apart per caller, nor found by subject for an erasure (docs/adr/007-erasure.md).
    db.exec(`
      DROP TABLE IF EXISTS idempotency_records;
      CREATE TABLE IF NOT EXISTS scoped_idempotency_records (
        record_id   TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        response    TEXT,
        updated_at  TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS idempotency_record_subjects (
        subject_id TEXT NOT NULL,
        record_id  TEXT NOT NULL,
        PRIMARY KEY (subject_id, record_id)
      ) WITHOUT ROWID;
    `);
    this.select = db.prepare(
      'SELECT fingerprint, response FROM scoped_idempotency_records WHERE record_id = ?',
    );
    this.selectSubjects = db.prepare(
      'SELECT subject_id FROM idempotency_record_subjects WHERE record_id = ? ORDER BY subject_id',
    );
    this.upsert = db.prepare(`
      INSERT INTO scoped_idempotency_records (record_id, fingerprint, response, updated_at)
      VALUES (?, ?, ?, ?)
      ON CONFLICT (record_id) DO UPDATE SET
        fingerprint = excluded.fingerprint,
        response = excluded.response,
        updated_at = excluded.updated_at
    `);
    this.addSubject = db.prepare(
      'INSERT OR IGNORE INTO idempotency_record_subjects (subject_id, record_id) VALUES (?, ?)',
    );
    this.deleteOfSubject = db.prepare(`
      DELETE FROM scoped_idempotency_records WHERE record_id IN
        (SELECT record_id FROM idempotency_record_subjects WHERE subject_id = ?)
    `);
    this.deleteSubjectRows = db.prepare(`
      DELETE FROM idempotency_record_subjects WHERE record_id IN
        (SELECT record_id FROM idempotency_record_subjects WHERE subject_id = ?)
    `);
  }

  get(recordId: string): Promise<IdempotencyRecord | undefined> {
    return settleOn(FILE, () => {
      const row = this.select.get(recordId);
      if (!row) return undefined;
      const response = row.response === null ? null : (JSON.parse(row.response) as CommandResult);
      const subjects = this.selectSubjects.all(recordId).map(({ subject_id }) => subject_id);
      return { requestFingerprint: row.fingerprint, response, subjects };
    });
  }

  async put(recordId: string, record: IdempotencyRecord): Promise<void> {
    const response = record.response === null ? null : JSON.stringify(record.response);
    const updatedAt = new Date().toISOString();
    const write = (): void => {
      this.upsert.run(recordId, record.requestFingerprint, response, updatedAt);
      for (const subject of record.subjects) this.addSubject.run(subject, recordId);
    };
    try {
      // A marker must be on the disk before the events; an answer rides on the next fsync.
      await (response === null ? this.writes.write(write) : this.writes.writeUnsynced(write));
    } catch (error) {
      throw asUnavailable(FILE, error);
    }
  }

  /** Inside a write of the caller's batch: every record that concerns the subject, gone. */
  forgetSubject(subjectId: string): void {
    this.deleteOfSubject.run(subjectId);
    this.deleteSubjectRows.run(subjectId);
  }
}
