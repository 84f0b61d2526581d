import type { ExpectedRevision } from './event-store.port';

/** Base of every error the event store port raises; `code` is stable for callers to match on. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream is not in the state the append expected; nothing was written. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected ${String(expected)}, but it is at ${String(actual)}`);
  }
}

/**
 * Some of the appended event ids are already stored, but not as exactly this append at these
 * revisions (a partial or reordered retry, or ids reused for other events). Nothing was written.
 */
export class EventIdConflictError extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`Stream ${streamId}: event id ${eventId} is already stored elsewhere or out of order`);
  }
}

/**
 * The store cannot be reached, opened or written, and the failed append never reached it: nothing
 * of it was written. When that cannot be told, the adapter raises AppendOutcomeUnknownError.
 */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The append was sent but its outcome is unknown: no answer came (a deadline passed, the
 * connection dropped), or the server stored it but it could not be read back. It may or may not
 * be stored. Retrying it with the same event ids is safe: an append that did land is recognised
 * and answered with `written: false`.
 */
export class AppendOutcomeUnknownError extends EventStoreError {
  readonly code = 'APPEND_OUTCOME_UNKNOWN';
  constructor(
    readonly streamId: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The stream was deleted for good on the server (a tombstone); nothing can be appended to it. */
export class DeletedStreamError extends EventStoreError {
  readonly code = 'STREAM_DELETED';
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} was deleted for good on the server; nothing was written`);
  }
}

/** The append itself is malformed (no events, an empty id or type, non-JSON data, too large). */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
}
