import type { MongoClientOptions, TransactionOptions } from 'mongodb';

/** How long a write may wait for a majority of the replica set before it fails. */
export const DEFAULT_WRITE_TIMEOUT_MS = 10_000;

export interface ClientSettings {
  serverSelectionTimeoutMS: number;
  writeTimeoutMS: number;
}

/**
 * The driver's options. Documents are stored as JSON stores them: a field set to undefined is
 * left out (in an array it is null), as in the embedded store; the driver's default stores null.
 * Every write waits for a majority, but never for ever: with no majority (a PSA set whose
 * secondary is down) it fails after `writeTimeoutMS` instead of hanging.
 */
export function clientOptions(settings: ClientSettings): MongoClientOptions {
  return {
    serverSelectionTimeoutMS: settings.serverSelectionTimeoutMS,
    ignoreUndefined: true,
    writeConcern: { w: 'majority', wtimeoutMS: settings.writeTimeoutMS },
  };
}

/**
 * A batch's transaction: snapshot reads, and a majority commit, so an acknowledged checkpoint
 * survives a failover. The commit is bounded twice: the write concern's wait and the server's
 * own time limit on commitTransaction. (The driver's `timeoutMS` does nothing in this version.)
 */
export function transactionOptions(writeTimeoutMS: number): TransactionOptions {
  return {
    readConcern: { level: 'snapshot' },
    writeConcern: { w: 'majority', wtimeoutMS: writeTimeoutMS },
    readPreference: 'primary',
    maxCommitTimeMS: writeTimeoutMS,
  };
}
