// docs/api.md: 1–100 characters of A-Z a-z 0-9 _ . -, not all digits. It doubles as a BullMQ job
// id, and BullMQ refuses all-digit custom ids, which could clash with its own counter.
const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,100}$/;
const ALL_DIGITS = /^[0-9]+$/;

// Canonical decimal only: no sign, no leading zeros, no quotes (an ETag-style "3" is not it).
const REVISION_PATTERN = /^(?:0|[1-9][0-9]*)$/;

/** Whether an `Idempotency-Key` header value is acceptable. */
export function validateIdempotencyKey(key: string): boolean {
  return IDEMPOTENCY_KEY_PATTERN.test(key) && !ALL_DIGITS.test(key);
}

/**
 * The revision an `If-Match` header expects, or undefined when it is not a bare non-negative
 * integer (the caller answers 400). Revisions beyond 2^53 − 1 are refused, as they could not be
 * compared exactly.
 */
export function parseIfMatch(header: string): number | undefined {
  if (!REVISION_PATTERN.test(header)) return undefined;
  const revision = Number(header);
  return Number.isSafeInteger(revision) ? revision : undefined;
}
