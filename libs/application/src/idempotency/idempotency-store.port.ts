import type { CommandResult } from '../pipeline/command-types';

/**
 * What is kept per Idempotency-Key. Never the body: it may hold personal data, so only a keyed
 * hash of it, which proves "same request" without revealing it.
 */
export interface IdempotencyRecord {
  requestFingerprint: string;
  /** The answer given; null while the command runs or after an attempt that did not finish. */
  response: CommandResult | null;
}

/** Idempotency records by key; `put` replaces the key's record. */
export interface IdempotencyStore {
  get(key: string): Promise<IdempotencyRecord | undefined>;
  put(key: string, record: IdempotencyRecord): Promise<void>;
}

/** Nest injection token for the {@link IdempotencyStore} port. */
export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
