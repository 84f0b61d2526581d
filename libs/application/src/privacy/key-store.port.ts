export { ErasedSubjectError, MissingKeyError } from './privacy-errors';

/**
 * Where the per-subject (per-contact) personal-data keys live, apart from the events. Destroying a
 * key is what erasure does: every ciphertext made with it becomes unreadable for good.
 */
export interface KeyStore {
  /** The subject's key, created (32 random bytes) on first use. Throws ErasedSubjectError if the subject was erased. */
  keyFor(subjectId: string): Promise<Buffer>;
  /** The key, or 'erased' when destroyed by erasure; throws MissingKeyError when it never existed (loud, never silent). */
  existingKey(subjectId: string): Promise<Buffer | 'erased'>;
  /** Destroys the key and remembers that the subject was erased (a tombstone without key material). */
  destroy(subjectId: string): Promise<void>;
  close(): Promise<void>;
}

/** Nest injection token for the key store port. */
export const KEY_STORE = Symbol('KEY_STORE');
