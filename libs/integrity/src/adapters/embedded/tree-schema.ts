import type Database from 'better-sqlite3';

/** The tree file's tables; `nodes` holds levels ≥ 1, level 0 is `leaves.hash`. */
export function applyTreeSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS leaves (
      leaf_index INTEGER PRIMARY KEY,
      position   TEXT    NOT NULL,
      stream_id  TEXT    NOT NULL,
      revision   INTEGER NOT NULL,
      hash       BLOB    NOT NULL
    );
    CREATE INDEX IF NOT EXISTS leaves_by_position ON leaves (position);
    CREATE INDEX IF NOT EXISTS leaves_by_stream ON leaves (stream_id, revision);
    CREATE TABLE IF NOT EXISTS nodes (
      level      INTEGER NOT NULL,
      node_index INTEGER NOT NULL,
      hash       BLOB    NOT NULL,
      PRIMARY KEY (level, node_index)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS checkpoints (
      tree_size  INTEGER PRIMARY KEY,
      root_hash  TEXT NOT NULL,
      position   TEXT NOT NULL,
      timestamp  TEXT NOT NULL,
      key_id     TEXT NOT NULL,
      public_key TEXT NOT NULL,
      signature  TEXT NOT NULL
    );
  `);
}

export interface LeafRow {
  leaf_index: number;
  position: string;
  stream_id: string;
  revision: number;
  hash: Buffer;
}

export interface CheckpointRow {
  tree_size: number;
  root_hash: string;
  position: string;
  timestamp: string;
  key_id: string;
  public_key: string;
  signature: string;
}

export const LEAF_COLUMNS = 'leaf_index, position, stream_id, revision, hash';
