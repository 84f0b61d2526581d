import {
  START,
  type AllStreamResolvedEvent,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';

/** The server fills a position it does not know with the largest unsigned 64-bit value. */
const UNKNOWN = 2n ** 64n - 1n;

/** Our position is EventStoreDB's commit position, as a decimal string so no bit above 2^53 is lost. */
export function positionToString(position: Position): string {
  return position.commit.toString(10);
}

/**
 * The client's position for one of ours. The prepare position is taken equal to the commit: an
 * event written by a normal append has both equal, and every event of an explicit transaction
 * has its prepare below its commit, so "after (c, c)" excludes the whole transaction at c.
 */
export function parsePosition(position: string): Position {
  if (!/^\d+$/.test(position)) throw new RangeError(`not a position: ${position}`);
  const commit = BigInt(position);
  return { commit, prepare: commit };
}

/** `after` as the client's start: absent or '0' reads from the very first event. */
export function positionAfter(after: string | undefined): Position | undefined {
  return after === undefined || after === '0' ? undefined : parsePosition(after);
}

export function readFrom(after: Position | undefined): ReadPosition {
  return after ?? START;
}

/** The order of $all: by commit position, then by prepare position within a transaction. */
export function comparePosition(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/**
 * Where a read event stands in $all. Stream reads carry it only from EventStoreDB 22.6 on, and
 * never for events of explicit transactions; then it is undefined.
 */
export function positionOf(resolved: ResolvedEvent | AllStreamResolvedEvent): Position | undefined {
  const recorded = resolved.event?.position;
  if (recorded && recorded.commit !== UNKNOWN) return recorded;
  const commit = resolved.commitPosition;
  if (commit !== undefined && commit !== UNKNOWN) return { commit, prepare: commit };
  return undefined;
}
