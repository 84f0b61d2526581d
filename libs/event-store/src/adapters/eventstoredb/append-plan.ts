import type { ExpectedRevision, RecordedEvent } from '../../event-store.port';
import { GENESIS_HASH } from '../../hash-chain';

export type AppendPlan =
  /** Write after `head` (undefined: the stream is new), chaining to `previousHash`. */
  | { action: 'write'; head: number | undefined; previousHash: string }
  /** The same append is already stored: answer with it and write nothing. */
  | { action: 'replay'; events: RecordedEvent[] }
  | { action: 'conflict'; eventId: string }
  | { action: 'refuse'; actual: number | 'no_stream' }
  /** The tail read does not reach back to where a retry would stand: read from there and plan again. */
  | { action: 'read-target'; fromRevision: number };

/**
 * Decides an append from the stream's last events (`tail`, in revision order, ending at the
 * stream's last event; empty when the stream does not exist). `target` is what `read-target`
 * asked for. EventStoreDB keeps no index by event id, so ids are looked for only in `tail` and at
 * the revisions a retry would occupy; an id reused further back or in another stream goes unseen.
 */
export function planAppend(
  expected: ExpectedRevision,
  tail: readonly RecordedEvent[],
  ids: readonly string[],
  target?: readonly RecordedEvent[],
): AppendPlan {
  const head = tail[tail.length - 1];
  if (!accepts(expected, head?.revision)) {
    const actual = head?.revision ?? 'no_stream';
    if (expected === 'any' || expected === 'stream_exists' || head === undefined) {
      return { action: 'refuse', actual };
    }
    // A retry of an append that expected `expected` stands right after it.
    const from = expected === 'no_stream' ? 0 : expected + 1;
    if (from > head.revision) return { action: 'refuse', actual };
    const first = tail[0]!;
    if (!target && from < first.revision) return { action: 'read-target', fromRevision: from };
    const standing =
      target ?? tail.slice(from - first.revision, from - first.revision + ids.length);
    return matchRetry(standing, ids) ?? { action: 'refuse', actual };
  }
  const stored = tail.filter((event) => ids.includes(event.eventId));
  if (stored.length === 0) {
    return { action: 'write', head: head?.revision, previousHash: head?.hash ?? GENESIS_HASH };
  }
  // `any` and `stream_exists` say nothing about where the earlier attempt landed, so a whole,
  // ordered, unbroken run of the same ids anywhere in the tail is that attempt.
  const whole =
    stored.length === ids.length && stored.every((event, index) => event.eventId === ids[index]);
  const unbroken = stored.every((event, index) => event.revision === stored[0]!.revision + index);
  if ((expected === 'any' || expected === 'stream_exists') && whole && unbroken) {
    return { action: 'replay', events: stored };
  }
  return { action: 'conflict', eventId: stored[0]!.eventId };
}

function accepts(expected: ExpectedRevision, head: number | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return head === undefined;
    case 'stream_exists':
      return head !== undefined;
    default:
      return head === expected;
  }
}

/** The same ids at the same revisions replay; the first id there but not the rest is a conflict. */
function matchRetry(
  standing: readonly RecordedEvent[],
  ids: readonly string[],
): AppendPlan | undefined {
  if (standing[0]?.eventId !== ids[0]) return undefined;
  const differing = ids.findIndex((id, index) => standing[index]?.eventId !== id);
  if (differing === -1) return { action: 'replay', events: standing.slice(0, ids.length) };
  return { action: 'conflict', eventId: ids[differing]! };
}
