/** The error codes of docs/api.md, plus INTERNAL for everything unexpected. */
export type ChronicleErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'UNKNOWN_COMMAND'
  | 'NOT_FOUND'
  | 'CONCURRENCY_CONFLICT'
  | 'ALREADY_EXISTS'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RULE_VIOLATED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'NOT_CAUGHT_UP'
  | 'UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'INTERNAL';

/** One entry of a VALIDATION_FAILED error's `details`. */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `items.0.sku`; `body` for the request body as a whole. */
  field: string;
  problems: string[];
}

/**
 * An error the API answers with `{ statusCode, code, message, details? }`. Throw it anywhere;
 * the exception filter alone picks the HTTP status from `code`.
 */
export class ChronicleError extends Error {
  override readonly name = 'ChronicleError';

  constructor(
    readonly code: ChronicleErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A VALIDATION_FAILED error listing the problems per field. */
export function validationFailed(
  problems: FieldProblem[],
  message = 'Validation failed',
): ChronicleError {
  return new ChronicleError('VALIDATION_FAILED', message, problems);
}
