import type { Position } from '@eventstore/db-client';

/**
 * Server versions whose filtered $all subscriptions end their catch-up differently, each with the
 * known checkpoint bug it ships (docs/architecture.md, "The real servers"):
 *
 * - `22.10`: no caught-up message; going live sends an extra checkpoint at the position the next
 *   event will take, before that event is sent (fixed in 23.10, and in 22.10.4).
 * - `23.10`: caught-up message, no checkpoint at the end of catch-up.
 * - `24.10.0` (24.10.0 to 24.10.4): a checkpoint at the last position passed, then caught up; a
 *   subscription from the start that passed nothing gets (2^64-1, 2^64-1), a position outside the log.
 * - `25.0.0`: after an empty page read, a checkpoint at the end of the log with prepare 0: the next
 *   event takes (end, end), above it by prepare only.
 * - `25.0.1` (and 24.10.5 on): a checkpoint at the last position passed, then caught up.
 */
export type ServerVersion = '22.10' | '23.10' | '24.10.0' | '25.0.0' | '25.0.1';

export const SERVER_VERSIONS: readonly ServerVersion[] = [
  '22.10',
  '23.10',
  '24.10.0',
  '25.0.0',
  '25.0.1',
];

const OUTSIDE_THE_LOG = 2n ** 64n - 1n;

export interface CatchUpEnd {
  /** The last record the subscription read, sent or filtered out; else where it started. */
  lastPassed: Position | undefined;
  /** The last event or checkpoint sent; else where it started. */
  lastSent: Position | undefined;
  /** Where the next record will be written. */
  endOfLog: bigint;
}

/** What `version` sends when its catch-up reaches the end of the log. */
export function goingLive(
  version: ServerVersion,
  end: CatchUpEnd,
): { checkpoint?: Position; caughtUp: boolean } {
  switch (version) {
    case '22.10':
      return { checkpoint: { commit: end.endOfLog, prepare: end.endOfLog }, caughtUp: false };
    case '23.10':
      return { caughtUp: true };
    case '24.10.0':
      return {
        checkpoint: end.lastSent ?? { commit: OUTSIDE_THE_LOG, prepare: OUTSIDE_THE_LOG },
        caughtUp: true,
      };
    case '25.0.0':
      return { checkpoint: { commit: end.endOfLog, prepare: 0n }, caughtUp: true };
    case '25.0.1':
      return { ...(end.lastPassed && { checkpoint: end.lastPassed }), caughtUp: true };
  }
}
