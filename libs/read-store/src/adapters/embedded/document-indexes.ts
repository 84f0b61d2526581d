import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { IndexSpec } from '../../read-store.port';
import { fieldSql, sqlLiteral } from './sql-text';

/**
 * Creates one partial expression index per spec: on `json_extract(body, '$."field"')` (the very
 * text the query translation writes, which is how SQLite matches them), over the rows of the
 * spec's collection only. The index leads with `collection`, constant within it, because without
 * statistics SQLite rates `collection = …` on the primary key as selective as `field = …` on the
 * index and would scan the whole collection; with it the index always matches more terms.
 * Each index is registered, so dropping the collection drops its indexes.
 */
export function createIndexes(db: Database.Database, indexes: readonly IndexSpec[]): void {
  const register = db.prepare(
    'INSERT OR IGNORE INTO document_indexes (name, collection) VALUES (?, ?)',
  );
  db.transaction(() => {
    for (const index of indexes) {
      const name = indexName(index);
      db.exec(
        `CREATE INDEX IF NOT EXISTS "${name}" ON documents (collection, ${index.fields.map(indexedExpression).join(', ')}) WHERE collection = ${sqlLiteral(index.collection)}`,
      );
      register.run(name, index.collection);
    }
  })();
}

/** Drops the indexes of every collection named with `prefix`; runs inside the drop's transaction. */
export function dropIndexesByPrefix(db: Database.Database, prefix: string): void {
  const names = db
    .prepare('SELECT name FROM document_indexes WHERE instr(collection, ?) = 1')
    .pluck()
    .all(prefix) as string[];
  for (const name of names) db.exec(`DROP INDEX IF EXISTS "${name}"`);
  db.prepare('DELETE FROM document_indexes WHERE instr(collection, ?) = 1').run(prefix);
}

function indexedExpression(path: string): string {
  const field = fieldSql(path);
  if (!field) {
    throw new RangeError(
      `Cannot index "${path}": index paths are dotted field names without numeric parts, quotes or a leading $`,
    );
  }
  return field.value;
}

// Collection names may hold any character; a digest keeps index names valid identifiers.
function indexName(index: IndexSpec): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([index.collection, index.fields]))
    .digest('hex');
  return `documents_ix_${digest.slice(0, 24)}`;
}
