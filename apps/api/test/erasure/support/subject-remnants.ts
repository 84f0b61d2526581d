import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** What the data folder holds about one subject that an erasure must destroy. */
export interface SubjectRemnants {
  key: Buffer;
  /** Keyed e-mail and phone hashes, idempotency fingerprints and answers, as stored (text). */
  texts: string[];
}

/** Read with read-only connections that are closed at once, so they hold no lock afterwards. */
export function remnantsOf(dataDir: string, subjectId: string): SubjectRemnants {
  const keys = new Database(join(dataDir, 'keys.sqlite'), { readonly: true });
  const side = new Database(join(dataDir, 'command-side.sqlite'), { readonly: true });
  try {
    const row = keys
      .prepare<[string], { key: Buffer | null }>(
        'SELECT key FROM subject_keys WHERE subject_id = ?',
      )
      .get(subjectId);
    if (!row?.key) throw new Error(`${subjectId} has no key to look for`);
    const hashes = side
      .prepare<[string], { hash: string }>(
        'SELECT hash FROM contact_identities WHERE contact_id = ?',
      )
      .all(subjectId)
      .map(({ hash }) => hash);
    const records = side
      .prepare<[string], { fingerprint: string; response: string | null }>(
        `SELECT fingerprint, response FROM scoped_idempotency_records
         JOIN idempotency_record_subjects USING (record_id) WHERE subject_id = ?`,
      )
      .all(subjectId)
      .flatMap(({ fingerprint, response }) => (response ? [fingerprint, response] : [fingerprint]));
    return { key: Buffer.from(row.key), texts: [...hashes, ...records] };
  } finally {
    keys.close();
    side.close();
  }
}

/** Every file under the folder (databases, -wal, -shm, journals, locks). */
export function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Which of the remnants (or of `plain` values) any byte of any file of the folder still holds. */
export function remnantsFoundIn(
  dataDir: string,
  { key, texts }: SubjectRemnants,
  plain: readonly string[] = [],
): string[] {
  return filesUnder(dataDir).flatMap((path) => {
    const bytes = readFileSync(path);
    const found = [...texts, ...plain].filter((text) => bytes.includes(Buffer.from(text, 'utf8')));
    if (bytes.includes(key)) found.push('the key');
    return found.map((what) => `${what.slice(0, 24)}… in ${path.slice(dataDir.length + 1)}`);
  });
}
