import { BatchedWrites, openDurableDatabase } from '@chronicle/embedded-sqlite';
import { FaultPoints } from '../../erasure/fault-points';
import { SqliteErasureCheckpoint } from './erasure-checkpoint.sqlite';
import { SqliteIdempotencyStore } from './idempotency-store.sqlite';
import { SqliteIdentityIndex } from './identity-index.sqlite';
import { SqlitePersonalDataRemnants } from './personal-data-remnants.sqlite';

/** The command side's own embedded stores, sharing one SQLite file. */
export interface CommandSideStores {
  idempotency: SqliteIdempotencyStore;
  identity: SqliteIdentityIndex;
  /** Erasure's part in this file: hashes and idempotency records of erased subjects. */
  remnants: SqlitePersonalDataRemnants;
  erasureCheckpoint: SqliteErasureCheckpoint;
  /** Resolves once every write submitted so far is durable (or refused). */
  drain(): Promise<void>;
  /** Waits for writes already submitted, then closes the file. */
  close(): Promise<void>;
}

/**
 * Opens (creating it when missing) the file holding idempotency records and the identity index.
 * WAL with synchronous=FULL: a stored answer survives power loss, like the events it describes.
 * secure_delete: the keyed hashes and fingerprints an erasure deletes are overwritten with zeros.
 */
export function openCommandSideStores(
  path: string,
  options: { faults?: FaultPoints; busyTimeoutMs?: number } = {},
): CommandSideStores {
  const faults = options.faults ?? FaultPoints.none;
  // Another process on the same file (a second worker) waits for the writer instead of failing.
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const db = openDurableDatabase(path, { busyTimeoutMs, secureDelete: true });
  try {
    // One batch for both stores: their writes of one event-loop turn share a single fsync.
    const writes = new BatchedWrites(db);
    const idempotency = new SqliteIdempotencyStore(db, writes);
    const identity = new SqliteIdentityIndex(db, writes);
    return {
      idempotency,
      identity,
      remnants: new SqlitePersonalDataRemnants(db, identity, idempotency, faults),
      erasureCheckpoint: new SqliteErasureCheckpoint(db, 'The command-side store'),
      drain: () => writes.drain(),
      close: async () => {
        await writes.close();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
