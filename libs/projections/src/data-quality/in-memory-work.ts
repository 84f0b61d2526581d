import type { ReadDocument } from '@chronicle/read-store';
import type { UnitOfWork } from '../runtime/projection';

/**
 * A unit of work that keeps every document in memory and never commits: an as-of answer folds a
 * projection's own `apply` into it, then reads the documents back.
 */
export class InMemoryWork implements UnitOfWork {
  private readonly collections = new Map<string, Map<string, ReadDocument>>();

  get(collection: string, id: string): Promise<ReadDocument | undefined> {
    return Promise.resolve(this.collections.get(collection)?.get(id));
  }

  put(collection: string, document: ReadDocument): void {
    this.documentsOf(collection).set(document._id, document);
  }

  delete(collection: string, id: string): void {
    this.collections.get(collection)?.delete(id);
  }

  /** Every document of `collection`, in no particular order. */
  all(collection: string): ReadDocument[] {
    return [...(this.collections.get(collection)?.values() ?? [])];
  }

  private documentsOf(collection: string): Map<string, ReadDocument> {
    let documents = this.collections.get(collection);
    if (!documents) {
      documents = new Map();
      this.collections.set(collection, documents);
    }
    return documents;
  }
}
