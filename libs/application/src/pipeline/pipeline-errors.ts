import { EventIdConflictError, WrongExpectedRevisionError } from '@chronicle/event-store';
import { ChronicleError } from '@chronicle/platform';
import type { PreparedCommand } from './prepared-command';

/** Another writer appended to one of the command's streams between its read and its append. */
export function isOvertaken(error: unknown): boolean {
  return error instanceof WrongExpectedRevisionError || error instanceof EventIdConflictError;
}

/**
 * The 409 of an If-Match the target stream is not at. `actualRevision` is the stream's revision
 * when the conflict was seen; null when the stream has no event.
 */
export function concurrencyConflict(
  command: PreparedCommand,
  actualRevision: number,
  cause?: unknown,
): ChronicleError {
  const { targetStreamId: streamId, expectedRevision } = command;
  const actual = actualRevision < 0 ? null : actualRevision;
  return new ChronicleError(
    'CONCURRENCY_CONFLICT',
    `Stream ${streamId} is at revision ${actual ?? 'none'}, not ${expectedRevision} (If-Match)`,
    { streamId, expectedRevision, actualRevision: actual },
    { cause },
  );
}

export function tooMuchContention(command: PreparedCommand, cause: unknown): ChronicleError {
  return new ChronicleError(
    'UNAVAILABLE',
    `Stream ${command.targetStreamId} kept changing under ${command.type}; retry`,
    undefined,
    { cause },
  );
}
