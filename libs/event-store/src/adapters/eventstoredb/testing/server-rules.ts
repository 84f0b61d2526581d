import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendExpectedRevision,
  type EventData,
} from '@eventstore/db-client';
import type { LogRecord } from './grpc-responses';

/** Whether `record` comes before (commit, prepare) in $all. */
export function below(record: LogRecord, commit: bigint, prepare: bigint): boolean {
  return record.commit < commit || (record.commit === commit && record.prepare < prepare);
}

export function accepts(expected: AppendExpectedRevision, current: bigint | undefined): boolean {
  if (expected === ANY) return true;
  if (expected === NO_STREAM) return current === undefined;
  if (expected === STREAM_EXISTS) return current !== undefined;
  return current === expected;
}

/** The server's idempotency check: the same ids where this append would have gone. */
export function findRetry(
  stream: LogRecord[],
  events: EventData[],
  expected: AppendExpectedRevision,
): LogRecord[] | 'corrupt' | undefined {
  const firstId = events[0]?.id;
  const start =
    expected === ANY || expected === STREAM_EXISTS
      ? stream.findIndex((record) => record.id === firstId)
      : Number(expected === NO_STREAM ? 0n : expected + 1n);
  if (start < 0 || stream[start]?.id !== firstId) return undefined;
  const standing = stream.slice(start, start + events.length);
  const same =
    standing.length === events.length &&
    standing.every((record, index) => record.id === events[index]!.id);
  return same ? standing : 'corrupt';
}

/** What the server counts against its maximum append size: each event's data and metadata. */
export function appendSize(events: readonly EventData[]): number {
  return events.reduce(
    (total, event) => total + byteLength(event.data) + byteLength(event.metadata),
    0,
  );
}

function byteLength(value: unknown): number {
  if (value === undefined) return 0;
  if (value instanceof Uint8Array) return value.byteLength;
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
