/** Base of the errors about personal-data keys and ciphertexts; `code` is stable for callers. */
export abstract class PersonalDataError extends Error {
  abstract readonly code: string;
}

/**
 * The subject's personal data was erased: its key is gone and no new key is ever made for it.
 * Coded RULE_VIOLATED, so recording new personal data about an erased contact answers 422.
 */
export class ErasedSubjectError extends PersonalDataError {
  override readonly name = 'ErasedSubjectError';
  readonly code = 'RULE_VIOLATED';

  constructor(readonly subjectId: string) {
    super(`The personal data of ${subjectId} was erased; no personal data can be recorded for it`);
  }
}

/**
 * Personal data was stored for a subject who never had a key: the key store is not the one the
 * events were sealed with (a wrong data folder, a lost or swapped keys file). Never read as erased.
 */
export class MissingKeyError extends PersonalDataError {
  override readonly name = 'MissingKeyError';
  readonly code = 'PERSONAL_DATA_KEY_MISSING';

  constructor(readonly subjectId: string) {
    super(`No personal-data key exists for ${subjectId}; the key store does not match the events`);
  }
}

/**
 * A stored personal field is not a ciphertext this code can open under the subject's key: not
 * sealed at all, malformed, tampered with, or moved from another subject or field.
 */
export class UnreadablePersonalFieldError extends PersonalDataError {
  override readonly name = 'UnreadablePersonalFieldError';
  readonly code = 'PERSONAL_DATA_UNREADABLE';

  constructor(
    readonly eventType: string,
    readonly subjectId: string,
    readonly field: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    // Never the value itself: it may be plaintext personal data.
    super(`${eventType}.${field} of ${subjectId} cannot be decrypted: ${reason}`, options);
  }
}
