import type { ChainTracker } from './chain-tracker';
import { type IntegrityProblem, MAX_PROBLEMS } from './integrity-problem';
import type { LeafMatcher } from './leaf-matcher';

/**
 * Names what is gone from the log once it has been read whole. A leaf the tree recorded and the
 * log lacks is a missing event, or a truncated tail when nothing later of its stream remains; a
 * revision the chain skips or a position hole the tree cannot name is reported on its own.
 */
export function nameAbsentEvents(found: {
  chains: ChainTracker;
  leaves: LeafMatcher;
  absentPositions: readonly string[];
}): IntegrityProblem[] {
  const { chains, leaves, absentPositions } = found;
  const problems: IntegrityProblem[] = [];
  const named = new Set<string>();
  const positions = new Set<string>();
  for (const leaf of leaves.absent) {
    const { streamId, revision, position } = leaf;
    named.add(`${streamId}\n${revision}`);
    positions.add(position);
    const tail = revision > chains.lastRevision(streamId);
    problems.push({
      kind: tail ? 'truncated' : 'missing',
      streamId,
      revision,
      position,
      detail: tail
        ? 'the tree recorded this event, and the stream now ends before it'
        : 'the tree recorded this event, and the log no longer holds it',
    });
  }
  if (leaves.absentCount > leaves.absent.length) {
    problems.push({
      kind: 'missing',
      detail: `${leaves.absentCount - leaves.absent.length} more recorded events are gone from the log`,
    });
  }
  for (const gap of chains.gaps) {
    const last = Math.min(gap.to, gap.from + MAX_PROBLEMS - 1);
    for (let revision = gap.from; revision <= last; revision += 1) {
      if (named.has(`${gap.streamId}\n${revision}`)) continue;
      problems.push({
        kind: 'missing',
        streamId: gap.streamId,
        revision,
        detail: "the stream's chain skips this revision",
      });
    }
  }
  for (const position of absentPositions) {
    if (positions.has(position)) continue;
    problems.push({ kind: 'gap', position, detail: 'no event holds this position' });
  }
  return problems;
}
