import {
  AccessDeniedError,
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { ExpectedRevision } from '../../event-store.port';
import {
  DeletedStreamError,
  EventStoreUnavailableError,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from '../../errors';
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
  if (converted instanceof AccessDeniedError) {
    return new EventStoreUnavailableError(
      `EventStoreDB at ${redactUrl(context.url)} refused access (${converted.message}): reading ` +
        '$all, which subscriptions and the head position do, takes a user in the $admins group ' +
        "(or $all's ACL granting it); check the user in EVENTSTORE_URL",
      { cause: error },
    );
  }
  if (converted instanceof StreamDeletedError) {
    return new DeletedStreamError(context.streamId ?? converted.streamName);
  }
  if (converted instanceof MaxAppendSizeExceededError) {
    return new InvalidAppendError(
      `Stream ${context.streamId ?? '?'}: the append is larger than the server's limit of ` +
        `${converted.maxAppendSize} bytes (its MaxAppendSize); nothing was written`,
      { cause: error },
    );
  }
  if (isTransient(converted)) {
    const reason = converted instanceof Error ? converted.message : String(converted);
    return new EventStoreUnavailableError(
      `EventStoreDB at ${redactUrl(context.url)} is unavailable: ${reason}`,
      { cause: error },
    );
  }
  return converted;
}

/**
 * Whether a failed append call may still have been stored: the request was sent and no answer
 * came back. A refused node (not the leader) and a failed discovery never took the request.
 */
export function mayHaveWritten(error: unknown): boolean {
  const converted = asCommandError(error);
  if (converted instanceof NotLeaderError) return false;
  if (converted instanceof Error && /^Failed to discover/.test(converted.message)) return false;
  // gRPC's wording for a call failed before it was sent: the channel had no connection.
  if (
    converted instanceof UnavailableError &&
    /No connection established/.test(converted.message)
  ) {
    return false;
  }
  return isTransient(converted);
}

/** Some client paths throw the raw gRPC error (code 14 and so on) instead of their own types. */
function asCommandError(error: unknown): unknown {
  return error instanceof Error ? convertToCommandError(error) : error;
}
