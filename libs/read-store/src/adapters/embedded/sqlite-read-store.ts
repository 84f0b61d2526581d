import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { openDurableDatabase, ProcessLock } from '@chronicle/embedded-sqlite';
import {
  CheckpointMovedError,
  ReadStoreUnavailableError,
  type DocumentQuery,
  type FindOptions,
  type IndexSpec,
  type ProjectionBatch,
  type ReadDocument,
  type ReadStore,
} from '../../read-store.port';
import {
  assertBatchesWritable,
  assertDefinedQuery,
  assertDocumentSize,
  InvalidDocumentError,
  MAX_DOCUMENT_BYTES,
} from '../../validate-writes';
import { ArrayPaths } from './array-paths';
import { createIndexes, dropIndexesByPrefix } from './document-indexes';
import { DocumentQueries } from './document-queries';
import { applySchema } from './schema';

export interface SqliteReadStoreOptions {
  /** The SQLite file, e.g. `<dataDir>/read-models.sqlite`; its folder is created when missing. */
  path: string;
}

const GET_MANY_CHUNK = 500;
const WAL_CHECKPOINT_PAGES = 16_384;

/**
 * The embedded read store: every collection in one SQLite file (WAL, `synchronous=FULL`), one
 * process at a time (an OS lock on `<path>.lock`). Each `applyBatch` (or `applyBatches`) is one
 * transaction, so its documents and its checkpoints are durable together or not at all.
 */
export class SqliteReadStore implements ReadStore {
  private readonly queries: DocumentQueries;
  private readonly arrayPaths: ArrayPaths;
  private readonly statements: Record<
    'get' | 'put' | 'delete' | 'checkpoint' | 'setCheckpoint',
    Database.Statement
  >;
  private readonly commit: (batches: readonly ProjectionBatch[]) => void;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly lock: ProcessLock,
  ) {
    this.arrayPaths = new ArrayPaths(db);
    this.queries = new DocumentQueries(db, this.arrayPaths);
    this.statements = {
      get: db.prepare('SELECT body FROM documents WHERE collection = ? AND id = ?').pluck(),
      put: db.prepare(
        'INSERT INTO documents (collection, id, body) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body',
      ),
      delete: db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?'),
      checkpoint: db.prepare('SELECT position FROM checkpoints WHERE projection = ?').pluck(),
      setCheckpoint: db.prepare(
        'INSERT INTO checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position',
      ),
    };
    // IMMEDIATE takes the write lock before the checkpoint is read, not at the first write.
    const transaction = db.transaction((batches: readonly ProjectionBatch[]) => {
      for (const batch of batches) this.applyInTransaction(batch);
    });
    this.commit = (batches) => transaction.immediate(batches);
  }

  /** Opens (creating when missing) the store's file; refused while another process holds it. */
  static open(options: SqliteReadStoreOptions): SqliteReadStore {
    mkdirSync(dirname(options.path), { recursive: true });
    // One writer per file is also what lets the store cache which paths hold arrays.
    const lock = ProcessLock.acquire(
      `${options.path}.lock`,
      `Read store ${options.path}`,
      (message, cause) => new ReadStoreUnavailableError(message, { cause }),
    );
    try {
      const db = openDurableDatabase(options.path);
      // A projection batch rewrites pages all over the file; with SQLite's default (a checkpoint
      // every 1,000 pages) nearly every commit also copied its pages back into the database and
      // fsynced it. A 64 MiB WAL lets a page rewritten by many batches be copied back once
      // (catch-up over 300,000 synthetic events: 40 s → 33 s). Commits still fsync the WAL.
      db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
      applySchema(db);
      return new SqliteReadStore(db, lock);
    } catch (error) {
      lock.release();
      throw new ReadStoreUnavailableError(`Cannot open the read store ${options.path}`, {
        cause: error,
      });
    }
  }

  get(collection: string, id: string): Promise<ReadDocument | undefined> {
    return this.run(() => {
      const body = this.statements.get.get(collection, id) as string | undefined;
      return body === undefined ? undefined : (JSON.parse(body) as ReadDocument);
    });
  }

  /** The documents found, in the order of `ids` (each once); missing ones are left out. */
  getMany(collection: string, ids: readonly string[]): Promise<ReadDocument[]> {
    return this.run(() => {
      const unique = [...new Set(ids)];
      const byId = new Map<string, ReadDocument>();
      for (let start = 0; start < unique.length; start += GET_MANY_CHUNK) {
        const chunk = unique.slice(start, start + GET_MANY_CHUNK);
        const sql = `SELECT body FROM documents WHERE collection = ? AND id IN (${chunk.map(() => '?').join(', ')})`;
        const bodies = this.db
          .prepare(sql)
          .pluck()
          .all(collection, ...chunk) as string[];
        for (const body of bodies) {
          const document = JSON.parse(body) as ReadDocument;
          byId.set(document._id, document);
        }
      }
      return unique.flatMap((id) => byId.get(id) ?? []);
    });
  }

  find(collection: string, query: DocumentQuery, options?: FindOptions): Promise<ReadDocument[]> {
    return this.run(() => {
      assertDefinedQuery(collection, query);
      return this.queries.find(collection, query, options);
    });
  }

  count(collection: string, query: DocumentQuery): Promise<number> {
    return this.run(() => {
      assertDefinedQuery(collection, query);
      return this.queries.count(collection, query);
    });
  }

  applyBatch(batch: ProjectionBatch): Promise<void> {
    return this.applyBatches([batch]);
  }

  /** One transaction, so one fsync, however many projections the batches move. */
  applyBatches(batches: readonly ProjectionBatch[]): Promise<void> {
    return this.run(() => {
      assertBatchesWritable(batches);
      if (batches.length === 0) return;
      try {
        this.commit(batches);
      } catch (error) {
        if (error instanceof CheckpointMovedError || error instanceof InvalidDocumentError) {
          throw error;
        }
        const projections = batches.map((batch) => batch.projection).join(', ');
        throw new ReadStoreUnavailableError(
          `The read store could not apply a batch of ${projections}; nothing was written`,
          { cause: error },
        );
      }
    });
  }

  checkpoint(projection: string): Promise<string | undefined> {
    return this.run(() => this.statements.checkpoint.get(projection) as string | undefined);
  }

  ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    return this.run(() => createIndexes(this.db, indexes));
  }

  dropByPrefix(prefix: string): Promise<void> {
    return this.run(() => {
      // `collection >= prefix` lets the primary key skip what sorts before; instr() rather than
      // LIKE, which ignores case and reads % and _ as wildcards.
      const byPrefix = (table: string, column: string): void => {
        this.db
          .prepare(`DELETE FROM ${table} WHERE ${column} >= ? AND instr(${column}, ?) = 1`)
          .run(prefix, prefix);
      };
      this.db.transaction(() => {
        byPrefix('documents', 'collection');
        byPrefix('checkpoints', 'projection');
        byPrefix('array_paths', 'collection');
        dropIndexesByPrefix(this.db, prefix);
      })();
      this.arrayPaths.forgetByPrefix(prefix);
    });
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.db.close();
    this.lock.release();
    return Promise.resolve();
  }

  private applyInTransaction(batch: ProjectionBatch): void {
    const actual = this.statements.checkpoint.get(batch.projection) as string | undefined;
    if (actual !== batch.expectedCheckpoint) {
      throw new CheckpointMovedError(batch.projection, batch.expectedCheckpoint, actual);
    }
    for (const write of batch.writes) {
      if (write.kind === 'delete') {
        this.statements.delete.run(write.collection, write.id);
        continue;
      }
      const { collection, document } = write;
      // JSON leaves out fields set to undefined (null in arrays): the rule MongoDB follows too.
      const body = JSON.stringify(document);
      // A character takes at most 3 UTF-8 bytes: most bodies need no byte count.
      if (body.length * 3 > MAX_DOCUMENT_BYTES) {
        assertDocumentSize(collection, document._id, Buffer.byteLength(body, 'utf8'));
      }
      this.statements.put.run(collection, document._id, body);
      this.arrayPaths.record(collection, document);
    }
    this.statements.setCheckpoint.run(batch.projection, batch.checkpoint);
  }

  /** Runs synchronous work as a promise: a throw becomes a rejection, never a synchronous throw. */
  private run<T>(work: () => T): Promise<T> {
    return new Promise((resolve) => {
      if (this.closed) throw new ReadStoreUnavailableError('The read store is closed');
      resolve(work());
    });
  }
}
