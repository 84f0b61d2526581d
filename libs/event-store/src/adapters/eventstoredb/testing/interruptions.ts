import { DeadlineExceededError, UnavailableError } from '@eventstore/db-client';
import { serviceError } from './grpc-responses';

/**
 * How an append can fail on the wire. Before the write the server never saw it; after the write
 * it stored the events, but the answer was lost: the deadline passed, or the connection dropped.
 */
export type AppendInterruption =
  'unavailable-before-write' | 'deadline-after-write' | 'connection-lost-after-write';

/** The error the client raises for `how`, built by its own classes from a gRPC error. */
export function interruption(how: AppendInterruption): Error {
  switch (how) {
    case 'unavailable-before-write':
      return new UnavailableError(serviceError(14, 'No connection established'));
    case 'deadline-after-write':
      return new DeadlineExceededError(serviceError(4, 'Deadline exceeded'));
    case 'connection-lost-after-write':
      return new UnavailableError(serviceError(14, 'Connection dropped'));
  }
}
