import {
  AccessDeniedError,
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { ExpectedRevision } from '../../event-store.port';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../../errors';
import { fromClientExpectedRevision, fromCurrentRevision } from './expected-revision';

/**
 * The connection string with its password masked, fit for messages and logs. Credentials are
 * found as the client's parser finds them: `user:password@` right after the scheme.
 */
export function redactUrl(url: string): string {
  return url.trim().replace(/^([^:]+:\/\/[^:]+):[^@]+@/, '$1:***@');
}

/**
 * A failure the next call may not see: the node is down, restarting, no longer leader, or too
 * slow. A subscription resubscribes after these; anything else ends it.
 */
export function isTransient(error: unknown): boolean {
  const converted = asCommandError(error);
  return (
    converted instanceof UnavailableError ||
    converted instanceof DeadlineExceededError ||
    converted instanceof TimeoutError ||
    converted instanceof CancelledError ||
    converted instanceof NotLeaderError ||
    (converted instanceof Error && /^Failed to discover/.test(converted.message))
  );
}

export interface ErrorContext {
  url: string;
  streamId?: string;
  expected?: ExpectedRevision;
}

/** The client's error as the port's, naming the server for anything about reaching it. */
export function toPortError(error: unknown, context: ErrorContext): unknown {
  const converted = asCommandError(error);
  if (converted instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevisionError(
      context.streamId ?? converted.streamName,
      context.expected ?? fromClientExpectedRevision(converted.expectedVersion),
      fromCurrentRevision(converted.actualVersion),
    );
  }
  if (isTransient(converted) || converted instanceof AccessDeniedError) {
    const reason = converted instanceof Error ? converted.message : String(converted);
    return new EventStoreUnavailableError(
      `EventStoreDB at ${redactUrl(context.url)} is unavailable: ${reason}`,
      { cause: error },
    );
  }
  return converted;
}

/** Some client paths throw the raw gRPC error (code 14 and so on) instead of their own types. */
function asCommandError(error: unknown): unknown {
  return error instanceof Error ? convertToCommandError(error) : error;
}
