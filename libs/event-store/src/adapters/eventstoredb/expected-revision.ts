import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendExpectedRevision,
  type CurrentRevision,
} from '@eventstore/db-client';
import type { ExpectedRevision } from '../../event-store.port';

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

export function fromClientExpectedRevision(expected: AppendExpectedRevision): ExpectedRevision {
  return typeof expected === 'bigint' ? toRevision(expected) : expected;
}

export function fromCurrentRevision(current: CurrentRevision): number | 'no_stream' {
  return current === NO_STREAM ? 'no_stream' : toRevision(current);
}

/** Revisions are bigints in the client and numbers in the port; no stream comes near 2^53 events. */
export function toRevision(revision: bigint): number {
  const number = Number(revision);
  if (!Number.isSafeInteger(number) || number < 0)
    throw new RangeError(`not a revision: ${revision}`);
  return number;
}
