import { chainHash, GENESIS_HASH, type RecordedEvent } from '@chronicle/event-store';
import type { IntegrityProblem } from './integrity-problem';

/** Revisions a stream's chain skips: `from` to `to` inclusive, seen before the event at `position`. */
export interface RevisionGap {
  streamId: string;
  from: number;
  to: number;
}

/**
 * Every stream's hash chain, followed in global order. An event whose stored hash does not follow
 * from its predecessor's is edited; the chain then continues from the stored hash, so one edit is
 * reported once and not again for every later event.
 */
export class ChainTracker {
  private readonly heads = new Map<string, { revision: number; hash: string }>();
  readonly gaps: RevisionGap[] = [];

  check(event: RecordedEvent): IntegrityProblem | undefined {
    const { streamId, revision, position } = event;
    const head = this.heads.get(streamId) ?? { revision: -1, hash: GENESIS_HASH };
    this.heads.set(streamId, { revision, hash: event.hash });
    if (revision <= head.revision) {
      return {
        kind: 'edited',
        streamId,
        revision,
        position,
        detail: `revision ${revision} follows revision ${head.revision} of its stream`,
      };
    }
    if (revision > head.revision + 1) {
      // The predecessor is gone, so this event's own link cannot be checked.
      this.gaps.push({ streamId, from: head.revision + 1, to: revision - 1 });
      return undefined;
    }
    if (chainHash(head.hash, event) === event.hash) return undefined;
    return {
      kind: 'edited',
      streamId,
      revision,
      position,
      detail: 'the stored hash does not follow from the event and its predecessor',
    };
  }

  /** The last revision seen of a stream, -1 when none. */
  lastRevision(streamId: string): number {
    return this.heads.get(streamId)?.revision ?? -1;
  }
}
