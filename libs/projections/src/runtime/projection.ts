import type { EventFilter, RecordedEvent } from '@chronicle/event-store';
import type { IndexSpec, ReadDocument } from '@chronicle/read-store';

/**
 * The documents a projection reads and writes while it applies one batch. Nothing reaches the
 * read store until the runtime commits the batch together with the checkpoint.
 *
 * `get` answers the batch's working copy: every `get` of a document in one batch returns the same
 * object, and after a `put` the object put, which is what the commit stores (its state when the
 * batch ends). So change a document only to put it: a change never put would be seen by the rest
 * of the batch but not stored, and batches would no longer fold like single events. A projection's
 * tests (projectEvents) fail on such a change.
 */
export interface UnitOfWork {
  get(collection: string, id: string): Promise<ReadDocument | undefined>;
  put(collection: string, document: ReadDocument): void;
  delete(collection: string, id: string): void;
}

/**
 * A projection: a pure-ish fold of events into read-model documents. `collections` are logical
 * names; the runtime maps them to physical ones per generation, so a rebuild can fill a new copy
 * while the old one serves.
 */
export interface Projection {
  name: string;
  /** Bump when `apply` changes meaning: a changed version rebuilds from position 0 at start. */
  version: number;
  collections: readonly string[];
  indexes: readonly IndexSpec[];
  /** Narrows what the runtime reads; the checkpoint still moves past everything else. */
  filter?: EventFilter;
  apply(event: RecordedEvent, work: UnitOfWork): Promise<void>;
}
