import type { ChronicleErrorCode } from './chronicle-error';

/** The one place where an error code becomes an HTTP status. */
export const STATUS_BY_CODE: Readonly<Record<ChronicleErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNKNOWN_COMMAND: 404,
  NOT_FOUND: 404,
  CONCURRENCY_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE_VIOLATED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  NOT_CAUGHT_UP: 503,
  UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** Codes raised by lower layers (the event store port) under the name the API answers with. */
export const CODE_ALIASES: Readonly<Record<string, ChronicleErrorCode>> = {
  WRONG_EXPECTED_REVISION: 'CONCURRENCY_CONFLICT',
  EVENT_STORE_UNAVAILABLE: 'UNAVAILABLE',
  APPEND_OUTCOME_UNKNOWN: 'UNAVAILABLE',
};

export function isChronicleErrorCode(code: string): code is ChronicleErrorCode {
  return Object.hasOwn(STATUS_BY_CODE, code);
}
