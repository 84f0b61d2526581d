import type { DocumentWrite, ReadDocument, ReadStore } from '@chronicle/read-store';
import type { UnitOfWork } from './projection';

export interface BatchUnitOfWorkOptions {
  /**
   * Checks at `writes()` that no document read in the batch was changed without being put (see
   * UnitOfWork), at the cost of encoding each document read twice. On unless the runtime turns
   * it off, so a projection's own tests catch the mistake.
   */
  checkChangesArePut?: boolean;
}

/**
 * The documents of one batch. Each document is read from the store at most once per batch and
 * then lives here as the batch's working copy, so a document many events touch (a day summary, a
 * campaign's counters) is decoded once and encoded once per batch, whatever its size, rather than
 * copied at every `get` and `put`.
 */
export class BatchUnitOfWork implements UnitOfWork {
  /** Physical collection → id → working copy, or null when deleted or known absent. */
  private readonly documents = new Map<string, Map<string, ReadDocument | null>>();
  /** Physical collection → ids put or deleted in this batch, in first-change order. */
  private readonly changed = new Map<string, Set<string>>();
  /** With the check on: physical collection → id → JSON of the document as read. */
  private readonly asRead: Map<string, Map<string, string>> | undefined;

  constructor(
    private readonly readStore: ReadStore,
    /** Maps a logical collection to its physical name; throws for an undeclared one. */
    private readonly physical: (logical: string) => string,
    options: BatchUnitOfWorkOptions = {},
  ) {
    if (options.checkChangesArePut ?? true) this.asRead = new Map();
  }

  async get(collection: string, id: string): Promise<ReadDocument | undefined> {
    const name = this.physical(collection);
    const documents = inner(this.documents, name);
    if (!documents.has(id)) {
      const stored = await this.readStore.get(name, id);
      // A put of the same id while the read was pending wins.
      if (!documents.has(id)) {
        documents.set(id, stored ?? null);
        if (stored && this.asRead) inner(this.asRead, name).set(id, JSON.stringify(stored));
      }
    }
    return documents.get(id) ?? undefined;
  }

  put(collection: string, document: ReadDocument): void {
    this.record(this.physical(collection), document._id, document);
  }

  delete(collection: string, id: string): void {
    this.record(this.physical(collection), id, null);
  }

  /** One write per changed document: its working copy as the batch ends. */
  writes(): DocumentWrite[] {
    this.assertChangesWerePut();
    const writes: DocumentWrite[] = [];
    for (const [collection, ids] of this.changed) {
      const documents = inner(this.documents, collection);
      for (const id of ids) {
        const document = documents.get(id);
        if (!document) {
          writes.push({ kind: 'delete', collection, id });
          continue;
        }
        // One object put under two ids, then changed for the second: the first would be lost.
        if (document._id !== id) {
          throw new Error(`Document ${id} of ${collection} was changed to _id ${document._id}`);
        }
        writes.push({ kind: 'put', collection, document });
      }
    }
    return writes;
  }

  private record(collection: string, id: string, document: ReadDocument | null): void {
    inner(this.documents, collection).set(id, document);
    let ids = this.changed.get(collection);
    if (!ids) {
      ids = new Set();
      this.changed.set(collection, ids);
    }
    ids.add(id);
  }

  private assertChangesWerePut(): void {
    if (!this.asRead) return;
    for (const [collection, documents] of this.asRead) {
      for (const [id, json] of documents) {
        if (this.changed.get(collection)?.has(id)) continue;
        if (JSON.stringify(this.documents.get(collection)?.get(id)) === json) continue;
        throw new Error(
          `Document ${id} of ${collection} was changed without being put: ` +
            'put every document you change, or copy it before changing it',
        );
      }
    }
  }
}

function inner<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let map = outer.get(key);
  if (!map) {
    map = new Map();
    outer.set(key, map);
  }
  return map;
}
