import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDurableDatabase } from '@chronicle/embedded-sqlite';
import type { Checkpoint } from '../../checkpoints/checkpoint';
import type { StoredLeaf, TreeAppend, TreeStore } from '../../tree-store.port';
import { applyTreeSchema, type CheckpointRow, LEAF_COLUMNS, type LeafRow } from './tree-schema';

/** The tree file in a data folder. */
export const TREE_FILE = 'integrity.sqlite';

/**
 * The tree in its own SQLite file beside the event store. `synchronous=NORMAL`: a power cut can
 * take back only the newest steps, which the builder redoes from the log on start, so the tree
 * never costs the append path an fsync of its own.
 */
export class SqliteTreeStore implements TreeStore {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly write: (step: TreeAppend) => void;
  private count: number;

  private constructor(
    private readonly db: Database.Database,
    writable: boolean,
  ) {
    this.count =
      this.get<{ n: number | null }>('SELECT MAX(leaf_index) + 1 AS n FROM leaves')?.n ?? 0;
    this.write = writable
      ? db.transaction((step: TreeAppend) => this.writeStep(step))
      : () => {
          throw new Error('The integrity tree was opened read-only');
        };
  }

  static open(dataDir: string): SqliteTreeStore {
    const db = openDurableDatabase(join(dataDir, TREE_FILE), { synchronous: 'NORMAL' });
    try {
      applyTreeSchema(db);
      return new SqliteTreeStore(db, true);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The tree of a data folder for inspection, or undefined when the folder has none. */
  static openReadOnly(dataDir: string): SqliteTreeStore | undefined {
    let db: Database.Database;
    try {
      db = new Database(join(dataDir, TREE_FILE), { readonly: true, fileMustExist: true });
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') return undefined;
      throw error;
    }
    return new SqliteTreeStore(db, false);
  }

  size(): number {
    return this.count;
  }

  node(level: number, index: number): Buffer {
    const row =
      level === 0
        ? this.get<{ hash: Buffer }>('SELECT hash FROM leaves WHERE leaf_index = ?', index)
        : this.get<{ hash: Buffer }>(
            'SELECT hash FROM nodes WHERE level = ? AND node_index = ?',
            level,
            index,
          );
    if (!row) throw new Error(`The integrity tree lacks node (${level}, ${index})`);
    return row.hash;
  }

  leaf(leafIndex: number): StoredLeaf | undefined {
    const row = this.get<LeafRow>(
      `SELECT ${LEAF_COLUMNS} FROM leaves WHERE leaf_index = ?`,
      leafIndex,
    );
    return row && toLeaf(row);
  }

  leaves(fromIndex: number, maxCount: number): StoredLeaf[] {
    return this.all<LeafRow>(
      `SELECT ${LEAF_COLUMNS} FROM leaves WHERE leaf_index >= ? ORDER BY leaf_index LIMIT ?`,
      fromIndex,
      maxCount,
    ).map(toLeaf);
  }

  leafAt(position: string): StoredLeaf | undefined {
    const row = this.get<LeafRow>(
      `SELECT ${LEAF_COLUMNS} FROM leaves WHERE position = ? ORDER BY leaf_index LIMIT 1`,
      position,
    );
    return row && toLeaf(row);
  }

  leavesOfStream(streamId: string): StoredLeaf[] {
    return this.all<LeafRow>(
      `SELECT ${LEAF_COLUMNS} FROM leaves WHERE stream_id = ? ORDER BY revision, leaf_index`,
      streamId,
    ).map(toLeaf);
  }

  append(step: TreeAppend): void {
    this.write(step);
    this.count += step.leaves.length;
  }

  latestCheckpoint(): Checkpoint | undefined {
    const row = this.get<CheckpointRow>(
      'SELECT * FROM checkpoints ORDER BY tree_size DESC LIMIT 1',
    );
    return row && toCheckpoint(row);
  }

  close(): void {
    this.db.close();
  }

  private writeStep(step: TreeAppend): void {
    const leaf = this.statement(
      'INSERT INTO leaves (leaf_index, position, stream_id, revision, hash) VALUES (?, ?, ?, ?, ?)',
    );
    for (const { leafIndex, position, streamId, revision, hash } of step.leaves) {
      leaf.run(leafIndex, position, streamId, revision, hash);
    }
    const node = this.statement('INSERT INTO nodes (level, node_index, hash) VALUES (?, ?, ?)');
    for (const { level, index, hash } of step.nodes) {
      if (level > 0) node.run(level, index, hash);
    }
    const checkpoint = this.statement(
      'INSERT OR REPLACE INTO checkpoints (tree_size, root_hash, position, timestamp, key_id, public_key, signature) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const c of step.checkpoints) {
      checkpoint.run(
        c.treeSize,
        c.rootHash,
        c.position,
        c.timestamp,
        c.keyId,
        c.publicKey,
        c.signature,
      );
    }
  }

  private get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.statement(sql).all(...params) as T[];
  }

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }
}

function toLeaf(row: LeafRow): StoredLeaf {
  return {
    leafIndex: row.leaf_index,
    position: row.position,
    streamId: row.stream_id,
    revision: row.revision,
    hash: row.hash,
  };
}

function toCheckpoint(row: CheckpointRow): Checkpoint {
  return {
    treeSize: row.tree_size,
    rootHash: row.root_hash,
    position: row.position,
    timestamp: row.timestamp,
    keyId: row.key_id,
    publicKey: row.public_key,
    signature: row.signature,
  };
}
