import type { EventStore } from '@chronicle/event-store';
import { leafHash } from '../merkle/tree-hashes';
import type { TreeStore } from '../tree-store.port';
import type { IntegrityProblem } from '../verify/integrity-problem';

/**
 * Before the tree grows again: do the last `count` leaves still match the log, one for one? A
 * truncated or rewritten tail would otherwise have new events appended on top of a tree that no
 * longer describes the log. Answers the first mismatch, or undefined.
 */
export async function checkTail(
  eventStore: Pick<EventStore, 'readAll'>,
  store: TreeStore,
  count = 1000,
): Promise<IntegrityProblem | undefined> {
  const size = store.size();
  if (size === 0) return undefined;
  const first = Math.max(0, size - count);
  const leaves = store.leaves(first, size - first);
  const after = first === 0 ? undefined : store.leaf(first - 1)?.position;
  const events = await eventStore.readAll({ after, maxCount: leaves.length });
  for (const [at, leaf] of leaves.entries()) {
    const { streamId, revision, position } = leaf;
    const event = events[at];
    if (!event) {
      return {
        kind: 'truncated',
        streamId,
        revision,
        position,
        detail: 'the log ends before an event the tree recorded',
      };
    }
    if (event.position !== position) {
      const gone = BigInt(event.position) > BigInt(position);
      return gone
        ? {
            kind: 'missing',
            streamId,
            revision,
            position,
            detail: 'the tree recorded this event, and the log no longer holds it',
          }
        : {
            kind: 'edited',
            streamId: event.streamId,
            revision: event.revision,
            position: event.position,
            detail: 'the tree recorded no event at this position',
          };
    }
    if (!leafHash(event.position, event.hash).equals(leaf.hash)) {
      return {
        kind: 'edited',
        streamId,
        revision,
        position,
        detail: 'the event no longer hashes to the leaf the tree recorded for it',
      };
    }
  }
  return undefined;
}
