import { BSON, MongoClient, type Collection, type Db, type Filter } from 'mongodb';
import {
  CheckpointMovedError,
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
} from '../../validate-writes';
import { clientOptions, DEFAULT_WRITE_TIMEOUT_MS, transactionOptions } from './client-options';
import { assertTransactionsSupported, databaseName } from './connection';
import { moveCheckpoint, type CheckpointDocument } from './checkpoint-fence';
import { isNamespaceNotFound, toPortError } from './errors';
import { KnownCollections } from './known-collections';
import { prefixPattern, toBulkOperations, toDriverFindOptions, toIndexKeys } from './write-models';

export interface MongoReadStoreOptions {
  /** How long to look for a usable server before failing; default 10 s (the driver's is 30 s). */
  serverSelectionTimeoutMS?: number;
  /** How long a write or a batch's commit waits for a majority before failing; default 10 s. */
  writeTimeoutMS?: number;
}

/** Holds one document per projection; a read collection cannot be named this. */
export const CHECKPOINTS_COLLECTION = 'checkpoints';

/**
 * The MongoDB read store: documents stored as they are, `_id` included, one collection per read
 * collection. Each `applyBatch` (or `applyBatches`) is a multi-document transaction that moves the
 * projections' checkpoint documents and writes the documents, so it needs a replica set (or mongos).
 */
export class MongoReadStore implements ReadStore {
  private readonly checkpoints: Collection<CheckpointDocument>;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    private readonly url: string,
    private readonly collections: KnownCollections,
    private readonly writeTimeoutMS: number,
  ) {
    this.checkpoints = db.collection<CheckpointDocument>(CHECKPOINTS_COLLECTION);
  }

  /**
   * Connects to `url` (the database is the URL's path, `chronicle` when none) and refuses, with
   * one line naming MONGO_URL, a server that is unreachable or cannot run transactions. Creates
   * the checkpoints collection when missing.
   */
  static async connect(url: string, options: MongoReadStoreOptions = {}): Promise<MongoReadStore> {
    let client: MongoClient | undefined;
    const writeTimeoutMS = options.writeTimeoutMS ?? DEFAULT_WRITE_TIMEOUT_MS;
    try {
      client = new MongoClient(
        url,
        clientOptions({
          serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
          writeTimeoutMS,
        }),
      );
      await client.connect();
      assertTransactionsSupported(await client.db('admin').command({ hello: 1 }), url);
      const db = client.db(databaseName(url));
      const collections = await KnownCollections.load(db, [CHECKPOINTS_COLLECTION]);
      return new MongoReadStore(client, db, url, collections, writeTimeoutMS);
    } catch (error) {
      await client?.close().catch(() => undefined);
      throw toPortError(error, url);
    }
  }

  get(collection: string, id: string): Promise<ReadDocument | undefined> {
    return this.guard(
      async () => (await this.documents(collection).findOne({ _id: id })) ?? undefined,
    );
  }

  /** The documents found, in the order of `ids` (each once); missing ones are left out. */
  getMany(collection: string, ids: readonly string[]): Promise<ReadDocument[]> {
    return this.guard(async () => {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const found = await this.documents(collection)
        .find({ _id: { $in: unique } })
        .toArray();
      const byId = new Map(found.map((document) => [document._id, document]));
      return unique.flatMap((id) => byId.get(id) ?? []);
    });
  }

  find(collection: string, query: DocumentQuery, options?: FindOptions): Promise<ReadDocument[]> {
    return this.guard(() => {
      assertDefinedQuery(collection, query);
      return this.documents(collection)
        .find(query as Filter<ReadDocument>, toDriverFindOptions(options))
        .toArray();
    });
  }

  count(collection: string, query: DocumentQuery): Promise<number> {
    return this.guard(() => {
      assertDefinedQuery(collection, query);
      return this.documents(collection).countDocuments(query as Filter<ReadDocument>);
    });
  }

  applyBatch(batch: ProjectionBatch): Promise<void> {
    return this.applyBatches([batch]);
  }

  /**
   * One transaction: every checkpoint is moved (fenced) first, then the documents written. The
   * collections written to are created before it, and documents over the size limit refused.
   */
  async applyBatches(batches: readonly ProjectionBatch[]): Promise<void> {
    assertBatchesWritable(batches);
    if (batches.length === 0) return;
    const writes = batches.flatMap((batch) => batch.writes);
    for (const write of writes) {
      if (write.kind !== 'put') continue;
      const bytes = BSON.calculateObjectSize(write.document, { ignoreUndefined: true });
      assertDocumentSize(write.collection, write.document._id, bytes);
    }
    await this.guard(() => this.collections.ensure(writes.map((write) => write.collection)));
    const session = this.client.startSession();
    try {
      await session.withTransaction(async () => {
        for (const batch of batches) await moveCheckpoint(this.checkpoints, batch, session);
        for (const [collection, operations] of toBulkOperations(writes)) {
          await this.documents(collection).bulkWrite(operations, { session, ordered: true });
        }
      }, transactionOptions(this.writeTimeoutMS));
    } catch (error) {
      if (!(error instanceof CheckpointMovedError)) throw toPortError(error, this.url);
      // Read after the abort: inside, a duplicate-key failure has already doomed the transaction.
      const actual = await this.checkpoint(error.projection);
      throw new CheckpointMovedError(error.projection, error.expected, actual);
    } finally {
      await session.endSession();
    }
  }

  checkpoint(projection: string): Promise<string | undefined> {
    return this.guard(async () => (await this.checkpoints.findOne({ _id: projection }))?.position);
  }

  ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    return this.guard(async () => {
      for (const index of indexes) {
        await this.documents(index.collection).createIndex(toIndexKeys(index.fields));
        this.collections.add(index.collection);
      }
    });
  }

  /**
   * Deletes the checkpoints first, then drops the collections (MongoDB cannot drop collections
   * in a transaction): interrupted half-way, what is left is documents without a checkpoint,
   * which a rebuild overwrites and a repeated drop removes, never a checkpoint without documents.
   */
  dropByPrefix(prefix: string): Promise<void> {
    return this.guard(async () => {
      const pattern = prefixPattern(prefix);
      await this.checkpoints.deleteMany({ _id: pattern });
      const collections = await this.db
        .listCollections({ name: pattern }, { nameOnly: true })
        .toArray();
      for (const { name } of collections) {
        if (name === CHECKPOINTS_COLLECTION || name.startsWith('system.')) continue;
        this.collections.forget(name);
        await this.db.dropCollection(name).catch((error: unknown) => {
          if (!isNamespaceNotFound(error)) throw error;
        });
      }
    });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private documents(collection: string): Collection<ReadDocument> {
    return this.db.collection<ReadDocument>(collection);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toPortError(error, this.url);
    }
  }
}
