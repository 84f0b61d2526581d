import type { RawAnswer } from './raw-http';
import { describeAnswer } from './raw-http';

/** The contract's error table (docs/api.md): every code a client may meet, with its one status. */
export const CONTRACT_STATUS_BY_CODE: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNKNOWN_COMMAND: 404,
  NOT_FOUND: 404,
  CONCURRENCY_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  RULE_VIOLATED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  NOT_CAUGHT_UP: 503,
  UNAVAILABLE: 503,
};

/**
 * Why an answer breaks the contract, or `undefined` when it keeps it. Returned rather than
 * thrown so a property can fail with the whole answer in its message.
 */
export function contractBreach(answer: RawAnswer): string | undefined {
  if (answer.status >= 500) return `a 5xx: ${describeAnswer(answer)}`;
  if (answer.status < 400) return undefined;
  if (!answer.contentType.includes('application/json')) {
    return `a 4xx that is not JSON: ${describeAnswer(answer)}`;
  }
  const body = answer.json as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return `a 4xx whose body is not an object: ${describeAnswer(answer)}`;
  }
  const { statusCode, code, message } = body;
  if (statusCode !== answer.status)
    return `statusCode differs from the status: ${describeAnswer(answer)}`;
  if (typeof message !== 'string') return `no string message: ${describeAnswer(answer)}`;
  if (typeof code !== 'string' || CONTRACT_STATUS_BY_CODE[code] !== answer.status) {
    return `a code outside the CONTRACT table for ${answer.status}: ${describeAnswer(answer)}`;
  }
  return undefined;
}
