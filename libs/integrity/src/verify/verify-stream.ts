import type { ReadStreamOptions, RecordedEvent } from '@chronicle/event-store';
import { type Checkpoint, checkpointSignatureHolds } from '../checkpoints/checkpoint';
import { inclusionPath } from '../merkle/proofs';
import { leafHash } from '../merkle/tree-hashes';
import { verifyInclusion } from '../merkle/verify-proofs';
import type { StoredLeaf, TreeStore } from '../tree-store.port';
import { ChainTracker } from './chain-tracker';
import { type IntegrityProblem, inLogOrder, MAX_PROBLEMS } from './integrity-problem';

export interface StreamReader {
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
}

export interface StreamIntegrityReport {
  ok: boolean;
  streamId: string;
  events: number;
  /** The stream's last revision in the log, -1 when it has none. */
  revision: number;
  problems: IntegrityProblem[];
  problemCount: number;
  checkpoint?: { treeSize: number; rootHash: string; position: string; keyId: string };
}

const PAGE = 1000;

/**
 * One stream of any kind: its chain, each event against the leaf the tree recorded for it, the
 * leaves the tree recorded for the stream that the log lacks (a truncated tail), and each leaf's
 * inclusion in the latest checkpoint's tree.
 */
export async function verifyStream(options: {
  log: StreamReader;
  tree: TreeStore;
  streamId: string;
  checkpoint?: Checkpoint;
}): Promise<StreamIntegrityReport> {
  const { log, tree, streamId, checkpoint } = options;
  const problems: IntegrityProblem[] = [];
  const chains = new ChainTracker();
  const treeSize = tree.size();
  const lastLeafPosition = treeSize === 0 ? 0n : BigInt(tree.leaf(treeSize - 1)?.position ?? '0');
  const recorded = new Map<number, StoredLeaf>(
    tree
      .leavesOfStream(streamId)
      .filter((leaf) => leaf.leafIndex < treeSize)
      .map((leaf) => [leaf.revision, leaf]),
  );
  let events = 0;
  let revision = -1;
  for (let from = 0; ; from += PAGE) {
    const page = await log.readStream(streamId, { fromRevision: from, maxCount: PAGE });
    for (const event of page) {
      events += 1;
      revision = event.revision;
      const edited = chains.check(event);
      if (edited) problems.push(edited);
      const leaf = recorded.get(event.revision);
      recorded.delete(event.revision);
      const fits =
        leaf &&
        leaf.position === event.position &&
        leaf.hash.equals(leafHash(event.position, event.hash));
      if (leaf && !fits && !edited) {
        problems.push({
          kind: 'edited',
          streamId,
          revision: event.revision,
          position: event.position,
          detail: 'the event no longer hashes to the leaf the tree recorded for it',
        });
      } else if (!leaf && BigInt(event.position) <= lastLeafPosition) {
        problems.push({
          kind: 'edited',
          streamId,
          revision: event.revision,
          position: event.position,
          detail: 'the tree recorded no such event of this stream',
        });
      }
    }
    if (page.length < PAGE) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const leaf of recorded.values()) {
    const tail = leaf.revision > revision;
    problems.push({
      kind: tail ? 'truncated' : 'missing',
      streamId,
      revision: leaf.revision,
      position: leaf.position,
      detail: tail
        ? 'the tree recorded this event, and the stream now ends before it'
        : 'the tree recorded this event, and the log no longer holds it',
    });
  }
  for (const gap of chains.gaps) {
    for (
      let missing = gap.from;
      missing <= Math.min(gap.to, gap.from + MAX_PROBLEMS);
      missing += 1
    ) {
      if (!problems.some((problem) => problem.revision === missing)) {
        problems.push({
          kind: 'missing',
          streamId,
          revision: missing,
          detail: "the stream's chain skips this revision",
        });
      }
    }
  }
  if (checkpoint) problems.push(...inclusionProblems(tree, streamId, checkpoint));
  const sorted = inLogOrder(problems);
  return {
    ok: sorted.length === 0,
    streamId,
    events,
    revision,
    problems: sorted.slice(0, MAX_PROBLEMS),
    problemCount: sorted.length,
    ...(checkpoint && {
      checkpoint: {
        treeSize: checkpoint.treeSize,
        rootHash: checkpoint.rootHash,
        position: checkpoint.position,
        keyId: checkpoint.keyId,
      },
    }),
  };
}

/** Each recorded leaf of the stream must be in the signed tree, by a proof from the stored nodes. */
function inclusionProblems(
  tree: TreeStore,
  streamId: string,
  checkpoint: Checkpoint,
): IntegrityProblem[] {
  if (!checkpointSignatureHolds(checkpoint)) {
    return [
      {
        kind: 'checkpoint',
        position: checkpoint.position,
        detail: `the checkpoint's signature does not verify under key ${checkpoint.keyId}`,
      },
    ];
  }
  const root = Buffer.from(checkpoint.rootHash, 'hex');
  const problems: IntegrityProblem[] = [];
  for (const leaf of tree.leavesOfStream(streamId)) {
    if (leaf.leafIndex >= checkpoint.treeSize) continue;
    let proven: boolean;
    try {
      proven = verifyInclusion(
        leaf.hash,
        leaf.leafIndex,
        checkpoint.treeSize,
        inclusionPath(tree, leaf.leafIndex, checkpoint.treeSize),
        root,
      );
    } catch {
      proven = false;
    }
    if (!proven) {
      problems.push({
        kind: 'checkpoint',
        streamId,
        revision: leaf.revision,
        position: leaf.position,
        detail: "the tree's leaf for this event is not in the checkpoint's tree",
      });
    }
  }
  return problems;
}
