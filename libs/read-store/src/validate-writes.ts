import type { DocumentQuery, DocumentWrite, ProjectionBatch } from './read-store.port';

/** MongoDB's limit on one document; the embedded store keeps it too, so both refuse alike. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** A write no adapter can store, or a query no adapter can answer alike; nothing was written. */
export class InvalidDocumentError extends TypeError {
  readonly code = 'INVALID_DOCUMENT';
}

/**
 * Refuses a batch with a write no adapter could store, before anything of it is written: a
 * missing `_id`, or a top-level field named with a leading `$`, which MongoDB reads as an update
 * operator in a replacement and refuses.
 */
export function assertWritable(writes: readonly DocumentWrite[]): void {
  for (const write of writes) {
    const id = write.kind === 'put' ? (write.document as { _id?: unknown })._id : write.id;
    if (typeof id !== 'string' || id === '') {
      throw new InvalidDocumentError(
        `A ${write.kind} in ${write.collection} needs a non-empty string _id`,
      );
    }
    if (write.kind !== 'put') continue;
    const operatorLike = Object.keys(write.document).find((key) => key.startsWith('$'));
    if (operatorLike !== undefined) {
      throw new InvalidDocumentError(
        `Document ${id} in ${write.collection}: a top-level field name cannot start with '$' (${operatorLike})`,
      );
    }
  }
}

/** Refuses batches that name a projection twice, or hold a write no adapter could store. */
export function assertBatchesWritable(batches: readonly ProjectionBatch[]): void {
  const projections = new Set<string>();
  for (const batch of batches) {
    if (projections.has(batch.projection)) {
      throw new TypeError(`Projection ${batch.projection} is named twice in one call`);
    }
    projections.add(batch.projection);
    assertWritable(batch.writes);
  }
}

/** Refuses a document over {@link MAX_DOCUMENT_BYTES} in the adapter's own encoding. */
export function assertDocumentSize(collection: string, id: string, bytes: number): void {
  if (bytes <= MAX_DOCUMENT_BYTES) return;
  throw new InvalidDocumentError(
    `Document ${id} in ${collection} is ${bytes} bytes, over the ${MAX_DOCUMENT_BYTES}-byte limit`,
  );
}

/**
 * Refuses a query holding `undefined`: MongoDB's driver would drop that condition (matching
 * everything) or match null, the embedded store something else; a caller means neither.
 */
export function assertDefinedQuery(collection: string, query: DocumentQuery): void {
  const path = undefinedPath(query, '');
  if (path !== undefined) {
    throw new InvalidDocumentError(`Query on ${collection}: the value at ${path} is undefined`);
  }
}

function undefinedPath(value: unknown, path: string): string | undefined {
  if (value === undefined) return path || '(the query)';
  if (typeof value !== 'object' || value === null || value instanceof RegExp) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = undefinedPath(inner, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}
