import type { DocumentWrite, ReadDocument, ReadStore } from '@chronicle/read-store';
import type { UnitOfWork } from './projection';

/**
 * The documents of one batch: reads go to the read store once per document and then come from
 * the batch's cache, so later events of the batch see the writes of earlier ones. Documents are
 * copied in and out, so a projection that mutates what it read changes nothing until it puts.
 */
export class BatchUnitOfWork implements UnitOfWork {
  /** Physical collection → id → document, or null for a document known to be absent. */
  private readonly cache = new Map<string, Map<string, ReadDocument | null>>();
  private readonly changed = new Map<string, Map<string, ReadDocument | null>>();

  constructor(
    private readonly readStore: ReadStore,
    /** Maps a logical collection to its physical name; throws for an undeclared one. */
    private readonly physical: (logical: string) => string,
  ) {}

  async get(collection: string, id: string): Promise<ReadDocument | undefined> {
    const name = this.physical(collection);
    const documents = this.documentsOf(this.cache, name);
    if (!documents.has(id)) documents.set(id, (await this.readStore.get(name, id)) ?? null);
    const document = documents.get(id);
    return document ? structuredClone(document) : undefined;
  }

  put(collection: string, document: ReadDocument): void {
    this.record(this.physical(collection), document._id, structuredClone(document));
  }

  delete(collection: string, id: string): void {
    this.record(this.physical(collection), id, null);
  }

  /** One write per changed document: its last state in the batch. */
  writes(): DocumentWrite[] {
    const writes: DocumentWrite[] = [];
    for (const [collection, documents] of this.changed) {
      for (const [id, document] of documents) {
        writes.push(
          document ? { kind: 'put', collection, document } : { kind: 'delete', collection, id },
        );
      }
    }
    return writes;
  }

  private record(collection: string, id: string, document: ReadDocument | null): void {
    this.documentsOf(this.cache, collection).set(id, document);
    this.documentsOf(this.changed, collection).set(id, document);
  }

  private documentsOf(
    from: Map<string, Map<string, ReadDocument | null>>,
    collection: string,
  ): Map<string, ReadDocument | null> {
    let documents = from.get(collection);
    if (!documents) {
      documents = new Map();
      from.set(collection, documents);
    }
    return documents;
  }
}
