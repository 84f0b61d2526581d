import type Database from 'better-sqlite3';
import type { BatchedWrites } from '@chronicle/embedded-sqlite';
import type { IdentityHash, IdentityIndex, IdentityKind } from '../../identity/identity-index.port';

/** Keyed identity hashes by contact, in the command side's SQLite file. */
export class SqliteIdentityIndex implements IdentityIndex {
  private readonly byHash: Database.Statement<[string, string], { contact_id: string }>;
  private readonly upsert: Database.Statement<[string, string, string]>;
  private readonly deleteKind: Database.Statement<[string, string]>;
  private readonly deleteContact: Database.Statement<[string]>;

  constructor(
    db: Database.Database,
    private readonly writes: BatchedWrites,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS contact_identities (
        contact_id TEXT NOT NULL,
        kind       TEXT NOT NULL,
        hash       TEXT NOT NULL,
        PRIMARY KEY (contact_id, kind)
      );
      CREATE INDEX IF NOT EXISTS contact_identities_by_hash ON contact_identities (kind, hash);
    `);
    this.byHash = db.prepare(
      'SELECT contact_id FROM contact_identities WHERE kind = ? AND hash = ? ORDER BY contact_id',
    );
    this.upsert = db.prepare(`
      INSERT INTO contact_identities (contact_id, kind, hash) VALUES (?, ?, ?)
      ON CONFLICT (contact_id, kind) DO UPDATE SET hash = excluded.hash
    `);
    this.deleteKind = db.prepare(
      'DELETE FROM contact_identities WHERE contact_id = ? AND kind = ?',
    );
    this.deleteContact = db.prepare('DELETE FROM contact_identities WHERE contact_id = ?');
  }

  find(hashes: readonly IdentityHash[]): Promise<Array<{ contactId: string; kind: IdentityKind }>> {
    return Promise.resolve(
      hashes.flatMap(({ kind, hash }) =>
        this.byHash.all(kind, hash).map((row) => ({ contactId: row.contact_id, kind })),
      ),
    );
  }

  set(contactId: string, kind: IdentityKind, hash: string | null): Promise<void> {
    return this.writes.write(() => {
      if (hash === null) this.deleteKind.run(contactId, kind);
      else this.upsert.run(contactId, kind, hash);
    });
  }

  remove(contactId: string): Promise<void> {
    return this.writes.write(() => this.forgetSubject(contactId));
  }

  /** Inside a write of the caller's batch: every hash of the contact, gone. */
  forgetSubject(contactId: string): void {
    this.deleteContact.run(contactId);
  }
}
