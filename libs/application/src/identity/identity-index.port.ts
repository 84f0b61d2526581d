export type IdentityKind = 'email' | 'phone';

/** A contact's normalised e-mail or phone as a keyed hash: it matches, it never reveals. */
export interface IdentityHash {
  kind: IdentityKind;
  hash: string;
}

/** The contacts holding each identity hash, to find duplicates before deciding. */
export interface IdentityIndex {
  /** Every contact holding one of the hashes, once per matching kind. */
  find(hashes: readonly IdentityHash[]): Promise<Array<{ contactId: string; kind: IdentityKind }>>;
  /** Sets the contact's hash of one kind; null removes it. */
  set(contactId: string, kind: IdentityKind, hash: string | null): Promise<void>;
  /** Forgets every hash of the contact (erased, or merged into another). */
  remove(contactId: string): Promise<void>;
}

/** Nest injection token for the {@link IdentityIndex} port. */
export const IDENTITY_INDEX = Symbol('IDENTITY_INDEX');
