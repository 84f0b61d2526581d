import type { CommandResult } from '../pipeline/command-types';

/**
 * What is kept per scoped Idempotency-Key. Never the body: it may hold personal data, so only a
 * keyed hash of it, which proves "same request" without revealing it.
 */
export interface IdempotencyRecord {
  requestFingerprint: string;
  /** The answer given; null while the command runs or after an attempt that did not finish. */
  response: CommandResult | null;
  /** The contacts whose personal data the command carried: erasing one removes the record. */
  subjects: readonly string[];
}

/**
 * Idempotency records by record id (derived from the caller's scope and key together); `put`
 * replaces the record and adds to its subjects. A record without a response (the in-progress
 * marker) is durable once `put` resolves; an answer may be lost by a crash that follows soon
 * after, since the marker and the stored events rebuild it.
 */
export interface IdempotencyStore {
  get(recordId: string): Promise<IdempotencyRecord | undefined>;
  put(recordId: string, record: IdempotencyRecord): Promise<void>;
}

/** Nest injection token for the {@link IdempotencyStore} port. */
export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
