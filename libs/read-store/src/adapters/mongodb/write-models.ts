import type { AnyBulkWriteOperation, FindOptions as DriverFindOptions } from 'mongodb';
import type { DocumentWrite, FindOptions, ReadDocument } from '../../read-store.port';

/**
 * A batch's writes as one ordered `bulkWrite` per collection: a put replaces the document whole
 * (inserting it when new), a delete removes it. Order within a collection is kept, so a later
 * write to the same document wins, as it does in the embedded store.
 */
export function toBulkOperations(
  writes: readonly DocumentWrite[],
): Map<string, AnyBulkWriteOperation<ReadDocument>[]> {
  const byCollection = new Map<string, AnyBulkWriteOperation<ReadDocument>[]>();
  for (const write of writes) {
    let operations = byCollection.get(write.collection);
    if (!operations) {
      operations = [];
      byCollection.set(write.collection, operations);
    }
    operations.push(
      write.kind === 'put'
        ? {
            replaceOne: {
              filter: { _id: write.document._id },
              replacement: write.document,
              upsert: true,
            },
          }
        : { deleteOne: { filter: { _id: write.id } } },
    );
  }
  return byCollection;
}

/** The port's find options as the driver's; the driver already reads a limit of 0 as none. */
export function toDriverFindOptions(options: FindOptions = {}): DriverFindOptions {
  for (const [name, value] of Object.entries({ skip: options.skip, limit: options.limit })) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
    }
  }
  return {
    ...(options.sort && { sort: options.sort }),
    ...(options.skip !== undefined && { skip: options.skip }),
    ...(options.limit !== undefined && { limit: options.limit }),
  };
}

/** Index keys in the order given, ascending: `['a', 'b']` → `{ a: 1, b: 1 }`. */
export function toIndexKeys(fields: readonly string[]): Record<string, 1> {
  return Object.fromEntries(fields.map((field) => [field, 1] as const));
}

/** A regular expression matching names that start with `prefix`, read literally. */
export function prefixPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}
