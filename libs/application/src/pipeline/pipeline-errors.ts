import { EventIdConflictError, WrongExpectedRevisionError } from '@chronicle/event-store';
import { ChronicleError } from '@chronicle/platform';
import type { PreparedCommand } from './prepared-command';

/** Another writer appended to one of the command's streams between its read and its append. */
export function isOvertaken(error: unknown): boolean {
  return error instanceof WrongExpectedRevisionError || error instanceof EventIdConflictError;
}

export function concurrencyConflict(command: PreparedCommand, cause?: unknown): ChronicleError {
  return new ChronicleError(
    'CONCURRENCY_CONFLICT',
    `Stream ${command.targetStreamId} is not at revision ${command.expectedRevision} (If-Match)`,
    undefined,
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
