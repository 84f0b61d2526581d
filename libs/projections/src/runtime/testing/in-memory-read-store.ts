import { find } from 'mingo';
import {
  CheckpointMovedError,
  type DocumentQuery,
  type DocumentWrite,
  type FindOptions,
  type IndexSpec,
  type ReadDocument,
  type ReadStore,
} from '@chronicle/read-store';

/**
 * A faithful in-memory ReadStore for the runtime's unit tests while no embedded adapter is at hand:
 * documents are copied in and out, `applyBatch` is all-or-nothing behind the checkpoint fence, and
 * queries use the same MongoDB-style matcher.
 */
export class InMemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, Map<string, ReadDocument>>();
  private readonly checkpoints = new Map<string, string>();
  private closed = false;

  get(collection: string, id: string): Promise<ReadDocument | undefined> {
    this.assertOpen();
    const document = this.collections.get(collection)?.get(id);
    return Promise.resolve(document && structuredClone(document));
  }

  getMany(collection: string, ids: readonly string[]): Promise<ReadDocument[]> {
    this.assertOpen();
    const documents = this.collections.get(collection);
    const found = ids.flatMap((id) => {
      const document = documents?.get(id);
      return document ? [structuredClone(document)] : [];
    });
    return Promise.resolve(found);
  }

  find(
    collection: string,
    query: DocumentQuery,
    options: FindOptions = {},
  ): Promise<ReadDocument[]> {
    this.assertOpen();
    let cursor = find([...(this.collections.get(collection)?.values() ?? [])], query);
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return Promise.resolve(
      cursor.all().map((document) => structuredClone(document as ReadDocument)),
    );
  }

  async count(collection: string, query: DocumentQuery): Promise<number> {
    return (await this.find(collection, query)).length;
  }

  applyBatch(batch: {
    projection: string;
    writes: readonly DocumentWrite[];
    expectedCheckpoint: string | undefined;
    checkpoint: string;
  }): Promise<void> {
    this.assertOpen();
    const actual = this.checkpoints.get(batch.projection);
    if (actual !== batch.expectedCheckpoint) {
      return Promise.reject(
        new CheckpointMovedError(batch.projection, batch.expectedCheckpoint, actual),
      );
    }
    for (const write of batch.writes) {
      const documents = this.collections.get(write.collection) ?? new Map<string, ReadDocument>();
      this.collections.set(write.collection, documents);
      if (write.kind === 'put') documents.set(write.document._id, structuredClone(write.document));
      else documents.delete(write.id);
    }
    this.checkpoints.set(batch.projection, batch.checkpoint);
    return Promise.resolve();
  }

  checkpoint(projection: string): Promise<string | undefined> {
    this.assertOpen();
    return Promise.resolve(this.checkpoints.get(projection));
  }

  ensureIndexes(_indexes: readonly IndexSpec[]): Promise<void> {
    this.assertOpen();
    return Promise.resolve();
  }

  dropByPrefix(prefix: string): Promise<void> {
    this.assertOpen();
    for (const name of [...this.collections.keys()]) {
      if (name.startsWith(prefix)) this.collections.delete(name);
    }
    for (const name of [...this.checkpoints.keys()]) {
      if (name.startsWith(prefix)) this.checkpoints.delete(name);
    }
    return Promise.resolve();
  }

  /** Names of the collections that hold documents, for tests of dropping. */
  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The read store is closed');
  }
}
