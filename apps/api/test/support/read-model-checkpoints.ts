import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Reads the committed checkpoints of a running server's embedded read store from outside the
 * process: the file shows each commit as it lands, sooner than an HTTP round trip could, and
 * before the server listens at all.
 * SQLite's WAL lets this reader in beside the server's writer (it only reads; a read-only
 * connection saw no commits here); the store's process lock is a separate file, not taken.
 */
export class ReadModelCheckpoints {
  private constructor(private readonly db: Database.Database) {}

  /** Undefined until the server has created the read store with its WAL index. */
  static open(dataDir: string): ReadModelCheckpoints | undefined {
    const path = join(dataDir, 'read-models.sqlite');
    if (!existsSync(`${path}-shm`)) return undefined;
    return new ReadModelCheckpoints(new Database(path, { fileMustExist: true }));
  }

  /** Each projection's serving-generation position (`<name>.g<n>.$checkpoint`), by name. */
  positions(): Map<string, bigint> {
    // The -shm file appears a moment before the server has created its tables.
    const ready = this.db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'checkpoints'")
      .get();
    if (!ready) return new Map();
    const rows = this.db
      .prepare("SELECT projection, position FROM checkpoints WHERE projection LIKE '%.$checkpoint'")
      .all() as Array<{ projection: string; position: string }>;
    return new Map(
      rows.map(({ projection, position }) => [projection.split('.')[0]!, BigInt(position)]),
    );
  }

  close(): void {
    this.db.close();
  }
}
