import { comparePositions, type RecordedEvent } from '@chronicle/event-store';
import {
  type Customer360State,
  evolveCustomer360,
  foldInBusinessOrder,
  happenedBy,
  occurredAtOf,
} from '@chronicle/projections';
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
 * events stored after it, and then no later state is a prefix's). With `validAt` as well, the
 * events recorded within the bound that had happened by then are folded in business-time order
 * instead (replayValidAt).
 */
export async function replayAsOf(replay: AsOfReplay): Promise<AsOfState> {
  const { contactId, bound, snapshots } = replay;
  if (bound.validAt !== undefined) return replayValidAt(replay, bound.validAt, true);
  const start = snapshots.latest(contactId, bound);
  let { state, count } = start ?? { state: undefined, count: 0 };
  let lastStoredAt = start?.lastStoredAt;
  let maxStoredAt = start?.maxStoredAt ?? '';
  let maxOccurredAt = start?.maxOccurredAt ?? '';
  let businessOrdered = start?.businessOrdered ?? true;
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
      if (event.data.contactId === contactId) {
        state = evolveCustomer360(state, event);
        const occurredAt = occurredAtOf(event);
        if (occurredAt < maxOccurredAt) businessOrdered = false;
        else maxOccurredAt = occurredAt;
      }
      count += 1;
      lastStoredAt = event.storedAt;
      if (event.storedAt > maxStoredAt) maxStoredAt = event.storedAt;
      if (wholePrefix && count % snapshots.every === 0) {
        const { position } = event;
        const snapshot = { position, count, state, lastStoredAt, maxStoredAt };
        snapshotAt(replay, { ...snapshot, maxOccurredAt, businessOrdered });
      }
    }
  }
  return answer(state, lastStoredAt);
}

/**
 * Bitemporal: of the events recorded within the bound, those naming the contact that had
 * happened by `validAt`, folded in business-time order. A snapshot is a fold in recorded order,
 * so it may start the fold only if its prefix was in business-time order and held nothing after
 * `validAt` (Customer360Snapshots.latest); and if an event recorded after it happened before the
 * prefix's latest one (a backfill into its past), the fold starts again from nothing.
 */
async function replayValidAt(
  replay: AsOfReplay,
  validAt: string,
  fromSnapshot: boolean,
): Promise<AsOfState> {
  const { contactId, bound } = replay;
  const start = fromSnapshot ? replay.snapshots.latest(contactId, bound) : undefined;
  let lastStoredAt = start?.lastStoredAt;
  const known: RecordedEvent[] = [];
  const answerValidAt = () => answer(foldInBusinessOrder(start?.state, known), lastStoredAt);
  for await (const page of replay.pagesAfter(start?.position)) {
    for (const event of page) {
      if (bound.atPosition !== undefined && comparePositions(event.position, bound.atPosition) > 0)
        return answerValidAt();
      if (bound.asOfMillis !== undefined && Date.parse(event.storedAt) > bound.asOfMillis) continue;
      lastStoredAt = event.storedAt;
      if (!happenedBy(event, contactId, validAt)) continue;
      if (start && occurredAtOf(event) < start.maxOccurredAt) {
        return replayValidAt(replay, validAt, false);
      }
      known.push(event);
    }
  }
  return answerValidAt();
}

function snapshotAt(replay: AsOfReplay, snapshot: Customer360Snapshot): void {
  if (comparePositions(snapshot.position, replay.snapshotsUpTo) > 0) return;
  replay.snapshots.record(replay.contactId, snapshot);
}

function answer(state: Customer360State | undefined, lastStoredAt: string | undefined): AsOfState {
  return { state: state?.registered ? state : undefined, lastStoredAt };
}
