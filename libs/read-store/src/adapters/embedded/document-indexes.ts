import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { IndexSpec } from '../../read-store.port';
import { fieldSql, sqlLiteral } from './sql-text';

/**
 * Creates one partial expression index per spec, over the rows of the spec's collection only, on
 * each field's type rank and `json_extract(body, '$."field"')`: the very text the query
 * translation writes, which is how SQLite matches them. With the rank, one index serves
 * type-bracketed comparisons and sorts. It leads with `collection`, constant within it, because
 * without statistics SQLite rates `collection = …` on the primary key as selective as a field
 * test on the index and would scan the whole collection; this way the index matches more terms.
 * Each index is registered, so dropping the collection drops its indexes.
 */
export function createIndexes(db: Database.Database, indexes: readonly IndexSpec[]): void {
  const register = db.prepare(
    'INSERT OR IGNORE INTO document_indexes (name, collection) VALUES (?, ?)',
  );
  const hint = db.prepare(
    `INSERT INTO sqlite_stat1 (tbl, idx, stat) SELECT 'documents', ?, ?
     WHERE NOT EXISTS (SELECT 1 FROM sqlite_stat1 WHERE tbl = 'documents' AND idx = ?)`,
  );
  db.transaction(() => {
    hint.run(PRIMARY_KEY_INDEX, PRIMARY_KEY_HINT, PRIMARY_KEY_INDEX);
    for (const index of indexes) {
      const name = indexName(index);
      db.exec(
        `CREATE INDEX IF NOT EXISTS "${name}" ON documents (collection, ${index.fields.map(indexedExpression).join(', ')}) WHERE collection = ${sqlLiteral(index.collection)}`,
      );
      register.run(name, index.collection);
      hint.run(name, indexHint(index.fields.length), name);
    }
  })();
  // Makes this connection's planner read the hints now rather than at the next open.
  db.exec('ANALYZE sqlite_schema');
}

/**
 * Statistics as `ANALYZE` would write them for a large collection, so that the planner, which
 * has none, ranks indexes by how many of their columns a query fixes: a collection holds many
 * rows; a field value few, fewer with each further field. SQLite documents writing
 * `sqlite_stat1` by hand for this; a real `ANALYZE` replaces the hints, and they are only written
 * where no statistics are.
 */
const PRIMARY_KEY_INDEX = 'sqlite_autoindex_documents_1';
const PRIMARY_KEY_HINT = '1000000 10000 1';

function indexHint(fieldCount: number): string {
  const counts = [10_000, 10_000];
  for (let field = 0; field < fieldCount; field += 1) {
    const last = counts[counts.length - 1]!;
    counts.push(field === 0 ? 5_000 : last, field === 0 ? 10 : Math.max(1, Math.ceil(last / 5)));
  }
  return counts.join(' ');
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
  return `${field.rank}, ${field.value}`;
}

// Collection names may hold any character; a digest keeps index names valid identifiers.
function indexName(index: IndexSpec): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([index.collection, index.fields]))
    .digest('hex');
  return `documents_ix_${digest.slice(0, 24)}`;
}
