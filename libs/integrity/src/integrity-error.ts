/** An integrity request that cannot be answered; `code` is the API's error code (duck-typed). */
export class IntegrityError extends Error {
  override readonly name = 'IntegrityError';

  constructor(
    readonly code: 'NOT_FOUND' | 'NOT_CAUGHT_UP' | 'VALIDATION_FAILED',
    message: string,
  ) {
    super(message);
  }
}
