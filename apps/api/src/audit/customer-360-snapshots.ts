import { comparePositions } from '@chronicle/event-store';
import type { Customer360State } from '@chronicle/projections';

/** The customer 360 fold after a prefix of one customer's history. */
export interface Customer360Snapshot {
  /** Position of the last history event of the prefix. */
  position: string;
  /** How many history events the prefix holds (snapshots are taken every `every` of them). */
  count: number;
  /** The fold; undefined while no event of the prefix named the contact. */
  state: Customer360State | undefined;
  /** Store time of the event at `position`. */
  lastStoredAt: string;
  /** The latest store time of any event of the prefix (store times may step back). */
  maxStoredAt: string;
  /** The latest business time of the prefix's events naming the contact; '' when none did. */
  maxOccurredAt: string;
  /**
   * Whether the prefix's events naming the contact were recorded in business-time order: only
   * then is the fold also the business-time fold a `validAt` answer may start from.
   */
  businessOrdered: boolean;
}

/**
 * Where an as-of replay stops: at a position (inclusive), or at a store time; and, of what had
 * been recorded by then, the facts that had happened by `validAt` (business time, UTC ISO).
 */
export interface AsOfBound {
  atPosition?: string;
  asOfMillis?: number;
  validAt?: string;
}

export const SNAPSHOT_EVERY = 1000;
const CUSTOMERS_KEPT = 256;

/**
 * Snapshots of the customer 360 fold, kept in memory per customer, taken by as-of replays every
 * `every` history events. A prefix of the log never changes, and the fold holds personal fields
 * sealed, as stored, so a snapshot needs no invalidation: erased data reads as erased when the
 * answer is opened with today's keys. The customers asked about last are kept, the others dropped.
 * docs/adr/009-one-fsync-per-command-group.md says why an answer from them equals a full replay.
 */
export class Customer360Snapshots {
  private readonly byCustomer = new Map<string, Customer360Snapshot[]>();

  constructor(readonly every = SNAPSHOT_EVERY) {}

  /**
   * The latest snapshot whose prefix lies wholly within `bound`, if any. With `validAt`, only a
   * prefix folded in business-time order with nothing that happened after `validAt`: the replay
   * must still give up on it when a later-recorded event happened before the prefix's last one.
   */
  latest(contactId: string, bound: AsOfBound): Customer360Snapshot | undefined {
    const snapshots = this.byCustomer.get(contactId);
    if (!snapshots) return undefined;
    this.touch(contactId, snapshots);
    for (let index = snapshots.length - 1; index >= 0; index -= 1) {
      const snapshot = snapshots[index]!;
      if (within(snapshot, bound)) return snapshot;
    }
    return undefined;
  }

  record(contactId: string, snapshot: Customer360Snapshot): void {
    const snapshots = this.byCustomer.get(contactId) ?? [];
    const at = snapshots.findIndex(
      (kept) => comparePositions(kept.position, snapshot.position) >= 0,
    );
    if (at >= 0 && snapshots[at]!.position === snapshot.position) return;
    snapshots.splice(at < 0 ? snapshots.length : at, 0, snapshot);
    this.touch(contactId, snapshots);
    if (this.byCustomer.size > CUSTOMERS_KEPT) {
      const [oldest] = this.byCustomer.keys();
      if (oldest !== undefined) this.byCustomer.delete(oldest);
    }
  }

  private touch(contactId: string, snapshots: Customer360Snapshot[]): void {
    this.byCustomer.delete(contactId);
    this.byCustomer.set(contactId, snapshots);
  }
}

function within(snapshot: Customer360Snapshot, bound: AsOfBound): boolean {
  if (bound.atPosition !== undefined && comparePositions(snapshot.position, bound.atPosition) > 0) {
    return false;
  }
  if (bound.asOfMillis !== undefined && Date.parse(snapshot.maxStoredAt) > bound.asOfMillis) {
    return false;
  }
  return (
    bound.validAt === undefined ||
    (snapshot.businessOrdered && snapshot.maxOccurredAt <= bound.validAt)
  );
}
