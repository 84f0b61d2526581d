import type Database from 'better-sqlite3';

/**
 * Creates the documents and checkpoints tables. The file is opened durable (WAL,
 * `synchronous=FULL`), so a checkpoint is never ahead of what would survive a power loss.
 */
export function applySchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS documents (
      collection TEXT NOT NULL,
      id         TEXT NOT NULL,
      body       TEXT NOT NULL,
      PRIMARY KEY (collection, id)
    );
    CREATE TABLE IF NOT EXISTS checkpoints (
      projection TEXT PRIMARY KEY,
      position   TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS array_paths (
      collection TEXT NOT NULL,
      path       TEXT NOT NULL,
      PRIMARY KEY (collection, path)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS document_indexes (
      name       TEXT PRIMARY KEY,
      collection TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
  // ANALYZE of the (small) checkpoints table creates sqlite_stat1, where index hints are written.
  const hasStatistics = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'")
    .get();
  if (!hasStatistics) db.exec('ANALYZE checkpoints');
}
