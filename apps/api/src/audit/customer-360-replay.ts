import { comparePositions, type RecordedEvent } from '@chronicle/event-store';
import { type Customer360State, evolveCustomer360 } from '@chronicle/projections';
import type {
  AsOfBound,
  Customer360Snapshot,
  Customer360Snapshots,
} from './customer-360-snapshots';

/**
 * The first page to read for a replay: a whole history is read in large pages from the start;
 * after a snapshot, usually less than the snapshots' spacing is left.
 */
export function firstReplayPage(after: string | undefined): number {
  return after === undefined ? 2048 : 1024;
}

export interface AsOfReplay {
  contactId: string;
  bound: AsOfBound;
  /** The customer's history in position order, a page at a time, after a position. */
  pagesAfter: (after: string | undefined) => AsyncIterable<readonly RecordedEvent[]>;
  snapshots: Customer360Snapshots;
  /**
   * The furthest position a snapshot may be taken at: the history index's position when the
   * streams were listed. Past it a stream naming the customer may not be listed yet, and a
   * snapshot would keep that gap for good.
   */
  snapshotsUpTo: string;
}

export interface AsOfState {
  /** The fold; undefined when the contact was not registered by then. */
  state: Customer360State | undefined;
  /** Store time of the last event taken into account. */
  lastStoredAt: string | undefined;
}

/**
 * The customer 360 as of a position or a store time: the events of the customer's history up to
 * the bound folded with the projection's own `evolveCustomer360`, starting from the latest
 * snapshot that lies within the bound instead of from the first event. Snapshots are taken on the
 * way, while the events folded are still a whole prefix of the history (an `asOf` bound skips
 * events stored after it, and then no later state is a prefix's).
 */
export async function replayAsOf(replay: AsOfReplay): Promise<AsOfState> {
  const { contactId, bound, snapshots } = replay;
  const start = snapshots.latest(contactId, bound);
  let { state, count } = start ?? { state: undefined, count: 0 };
  let lastStoredAt = start?.lastStoredAt;
  let maxStoredAt = start?.maxStoredAt ?? '';
  let wholePrefix = true;
  for await (const page of replay.pagesAfter(start?.position)) {
    for (const event of page) {
      if (bound.atPosition !== undefined && comparePositions(event.position, bound.atPosition) > 0)
        return answer(state, lastStoredAt);
      if (bound.asOfMillis !== undefined && Date.parse(event.storedAt) > bound.asOfMillis) {
        wholePrefix = false;
        continue;
      }
      // Events naming another contact leave the customer's fold as it is; starting from
      // `undefined`, skipping them keeps a merged duplicate's events from becoming its subject.
      if (event.data.contactId === contactId) state = evolveCustomer360(state, event);
      count += 1;
      lastStoredAt = event.storedAt;
      if (event.storedAt > maxStoredAt) maxStoredAt = event.storedAt;
      if (wholePrefix && count % snapshots.every === 0) {
        snapshotAt(replay, { position: event.position, count, state, lastStoredAt, maxStoredAt });
      }
    }
  }
  return answer(state, lastStoredAt);
}

function snapshotAt(replay: AsOfReplay, snapshot: Customer360Snapshot): void {
  if (comparePositions(snapshot.position, replay.snapshotsUpTo) > 0) return;
  replay.snapshots.record(replay.contactId, snapshot);
}

function answer(state: Customer360State | undefined, lastStoredAt: string | undefined): AsOfState {
  return { state: state?.registered ? state : undefined, lastStoredAt };
}
