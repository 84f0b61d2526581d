import type Database from 'better-sqlite3';
import type { ReadDocument } from '../../read-store.port';
import { pathPrefixes } from './sql-text';

/**
 * Remembers, per collection, every dotted path at which some document has held an array. MongoDB
 * matches `{ tags: 'vip' }` against each element of an array and SQLite's `json_extract` cannot,
 * so a condition on such a path is tested in JavaScript (`matchesArrayTerm`), and every other
 * is answered by SQL exactly.
 * Marks are sticky (removing the last array does not clear them) until the collection is dropped:
 * a stale mark costs speed, never correctness. The table is the truth; the map is its cache, kept
 * coherent because one process alone writes the file.
 */
export class ArrayPaths {
  private readonly marked = new Map<string, Set<string>>();
  private readonly insert: Database.Statement;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT OR IGNORE INTO array_paths (collection, path) VALUES (?, ?)');
    const rows = db.prepare('SELECT collection, path FROM array_paths').all() as {
      collection: string;
      path: string;
    }[];
    for (const row of rows) this.marksOf(row.collection).add(row.path);
  }

  /**
   * Marks the array paths of `document`; runs inside the batch transaction. A mark made by a
   * batch that then rolls back stays in memory only, which is harmless.
   */
  record(collection: string, document: ReadDocument): void {
    const marks = this.marksOf(collection);
    for (const path of arrayPathsOf(document, '')) {
      if (marks.has(path)) continue;
      this.insert.run(collection, path);
      marks.add(path);
    }
  }

  /** True when no document of `collection` has held an array on `path` or on any of its prefixes. */
  sqlMayRead(collection: string, path: string): boolean {
    const marks = this.marked.get(collection);
    return !marks || pathPrefixes(path).every((prefix) => !marks.has(prefix));
  }

  forgetByPrefix(prefix: string): void {
    for (const collection of [...this.marked.keys()]) {
      if (collection.startsWith(prefix)) this.marked.delete(collection);
    }
  }

  private marksOf(collection: string): Set<string> {
    let marks = this.marked.get(collection);
    if (!marks) {
      marks = new Set();
      this.marked.set(collection, marks);
    }
    return marks;
  }
}

// Does not descend into arrays: a path below one already has the array's path as a prefix.
function arrayPathsOf(value: object, prefix: string): string[] {
  const paths: string[] = [];
  for (const [key, child] of Object.entries(value) as [string, unknown][]) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (Array.isArray(child)) paths.push(path);
    else if (child !== null && typeof child === 'object') paths.push(...arrayPathsOf(child, path));
  }
  return paths;
}
