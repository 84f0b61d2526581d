/**
 * What the command side keeps about a subject besides its key: keyed hashes of its e-mail and
 * phone, and the idempotency fingerprints and answers of commands that carried its personal data.
 */
export interface PersonalDataRemnants {
  /** Removes all of it for the subjects and leaves no copy in the store's files; safe to repeat. */
  forget(subjects: readonly string[]): Promise<void>;
}
