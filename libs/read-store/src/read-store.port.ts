/** A read-model document: plain JSON with a string `_id` unique in its collection. */
export type ReadDocument = { _id: string } & Record<string, unknown>;

/** A value a query compares a field with. */
export type QueryValue = string | number | boolean | null;

/**
 * The operators on one field, with MongoDB's meaning; several given must all hold. Only what the
 * projections ask is allowed, so every adapter can answer it exactly (the embedded one in SQL).
 */
export interface FieldOperators {
  $in?: readonly QueryValue[];
  $gt?: QueryValue;
  $gte?: QueryValue;
  $lt?: QueryValue;
  $lte?: QueryValue;
  $exists?: boolean;
}

/** A plain value is an equality; on a field holding an array it matches by element. */
export type FieldCondition = QueryValue | FieldOperators;

/** Conditions on dotted field paths (`'address.city'`, `_id`…), all of which must hold. */
export type FieldQuery = { [path: string]: FieldCondition };

/**
 * A MongoDB-style query narrowed to what callers use: field conditions, or `$and` of queries
 * (the lookup pages add their keyset condition that way).
 */
export type DocumentQuery = FieldQuery | { $and: readonly DocumentQuery[] };

export interface FindOptions {
  /** MongoDB-style sort, e.g. `{ openedAt: 1 }`. */
  sort?: Record<string, 1 | -1>;
  limit?: number;
  skip?: number;
}

export type DocumentWrite =
  | { kind: 'put'; collection: string; document: ReadDocument }
  | { kind: 'delete'; collection: string; id: string };

/** One projection's writes and the checkpoint they move it to (see `ReadStore.applyBatch`). */
export interface ProjectionBatch {
  projection: string;
  writes: readonly DocumentWrite[];
  expectedCheckpoint: string | undefined;
  checkpoint: string;
}

export interface IndexSpec {
  collection: string;
  /** Field paths, in order, e.g. `['registeredAt']` or `['campaignId', 'registeredAt']`. */
  fields: string[];
}

/**
 * The read-model port. Projections never write a document without moving their checkpoint in the
 * same unit: `applyBatch` either makes every write and the new checkpoint visible together or
 * none of them, so a crash can neither skip nor double-apply an event.
 */
export interface ReadStore {
  get(collection: string, id: string): Promise<ReadDocument | undefined>;
  getMany(collection: string, ids: readonly string[]): Promise<ReadDocument[]>;
  find(collection: string, query: DocumentQuery, options?: FindOptions): Promise<ReadDocument[]>;
  count(collection: string, query: DocumentQuery): Promise<number>;
  /**
   * Applies `writes` and sets `projection`'s checkpoint to `checkpoint`, atomically. Refused with
   * CheckpointMovedError when the stored checkpoint is not `expectedCheckpoint` (another worker
   * applied the batch, or this one is stale), and then nothing is written.
   */
  applyBatch(batch: ProjectionBatch): Promise<void>;
  /**
   * `applyBatch` for several projections (each named once) in one atomic unit: every batch is
   * applied, or none is. A single stale checkpoint refuses the whole call with the
   * CheckpointMovedError of its projection.
   */
  applyBatches(batches: readonly ProjectionBatch[]): Promise<void>;
  /** The last position whose effects `projection` has committed, or undefined before its first batch. */
  checkpoint(projection: string): Promise<string | undefined>;
  ensureIndexes(indexes: readonly IndexSpec[]): Promise<void>;
  /** Drops every collection whose name starts with `prefix` and the checkpoints of projections named with it. */
  dropByPrefix(prefix: string): Promise<void>;
  close(): Promise<void>;
}

export const READ_STORE = Symbol('READ_STORE');

export class CheckpointMovedError extends Error {
  readonly code = 'CHECKPOINT_MOVED';
  constructor(
    readonly projection: string,
    readonly expected: string | undefined,
    readonly actual: string | undefined,
  ) {
    super(
      `Projection ${projection}: expected checkpoint ${String(expected)}, found ${String(actual)}`,
    );
  }
}

export class ReadStoreUnavailableError extends Error {
  readonly code = 'READ_STORE_UNAVAILABLE';
}
