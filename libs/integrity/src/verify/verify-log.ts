import type { RecordedEvent } from '@chronicle/event-store';
import { type Checkpoint, checkpointSignatureHolds } from '../checkpoints/checkpoint';
import { MerkleFrontier } from '../merkle/merkle-frontier';
import { rootAt } from '../merkle/node-source';
import { leafHash } from '../merkle/tree-hashes';
import type { TreeStore } from '../tree-store.port';
import { ChainTracker } from './chain-tracker';
import {
  type IntegrityProblem,
  type IntegrityReport,
  inLogOrder,
  MAX_PROBLEMS,
} from './integrity-problem';
import { LeafMatcher } from './leaf-matcher';
import { nameAbsentEvents } from './absent-events';

const TURN_MS = 15;

/** The reads a whole-log check needs; the event store port has them, so has a read-only file. */
export interface LogReader {
  readAll(options: { after?: string; maxCount?: number }): Promise<RecordedEvent[]>;
}

export interface VerifyLogOptions {
  log: LogReader;
  /** The stored tree, to name exactly which event changed or went missing. */
  tree?: TreeStore;
  /**
   * Leaves of the tree to hold the log to; default all. A live server passes the size it saw
   * before reading the head, so leaves added meanwhile are not taken for events the log lost.
   */
  treeSize?: number;
  /** The checkpoint the log must still hash to. */
  checkpoint?: Checkpoint;
  /** The embedded store numbers events 1, 2, 3…; a hole there is a deleted event. */
  contiguousPositions: boolean;
  /** Events after this position are left for a later check (they were appended meanwhile). */
  upTo?: string;
  pageSize?: number;
}

/**
 * Reads the whole log in global order, a page per event-loop turn, and checks every stream's
 * chain, the positions, every event against the leaf the tree recorded for it, and the log's
 * Merkle root against the checkpoint (docs/audit.md, "Verifying").
 */
export async function verifyLog(options: VerifyLogOptions): Promise<IntegrityReport> {
  const { log, tree, checkpoint, contiguousPositions } = options;
  const problems: IntegrityProblem[] = [];
  let problemCount = 0;
  const report = (problem: IntegrityProblem): void => {
    problemCount += 1;
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const chains = new ChainTracker();
  const leaves = new LeafMatcher(tree, options.treeSize ?? tree?.size() ?? 0, MAX_PROBLEMS);
  const frontier = MerkleFrontier.empty();
  const absentPositions: string[] = [];
  const upTo = options.upTo === undefined ? undefined : BigInt(options.upTo);
  let previous = 0n;
  let head = '0';
  let after: string | undefined;
  let turnStarted = performance.now();
  for (;;) {
    const page = await log.readAll({ after, maxCount: options.pageSize ?? 1000 });
    for (const event of page) {
      // HTTP requests share the process: a turn of the event loop every few milliseconds.
      if (performance.now() - turnStarted > TURN_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        turnStarted = performance.now();
      }
      const position = BigInt(event.position);
      if (upTo !== undefined && position > upTo) break;
      if (position <= previous) {
        report({
          kind: 'gap',
          position: event.position,
          detail: 'the position repeats or goes back',
        });
      } else if (contiguousPositions) {
        for (let hole = previous + 1n; hole < position; hole += 1n) {
          if (absentPositions.length < MAX_PROBLEMS) absentPositions.push(String(hole));
        }
      }
      previous = position > previous ? position : previous;
      const edited = chains.check(event);
      if (edited) report(edited);
      const leaf = leafHash(event.position, event.hash);
      const match = leaves.match(event.position, leaf);
      if (match === 'differs' && !edited) {
        report({
          kind: 'edited',
          streamId: event.streamId,
          revision: event.revision,
          position: event.position,
          detail: 'the event no longer hashes to the leaf the tree recorded for it',
        });
      } else if (match === 'unrecorded') {
        report({
          kind: 'edited',
          streamId: event.streamId,
          revision: event.revision,
          position: event.position,
          detail: 'the tree recorded no event at this position',
        });
      }
      frontier.push(leaf);
      head = event.position;
      if (checkpoint && frontier.size === checkpoint.treeSize) {
        const problem = rootProblem(checkpoint, frontier.root(), event.position);
        if (problem) report(problem);
      }
    }
    const last = page.at(-1);
    if (
      page.length < (options.pageSize ?? 1000) ||
      !last ||
      (upTo !== undefined && BigInt(last.position) >= upTo)
    )
      break;
    after = last.position;
  }
  leaves.finish();
  nameAbsentEvents({ chains, leaves, absentPositions }).forEach(report);
  if (checkpoint) checkpointProblems(checkpoint, frontier.size, tree).forEach(report);
  if (leaves.damage) report({ kind: 'checkpoint', detail: leaves.damage });
  const sorted = inLogOrder(problems);
  return {
    ok: problemCount === 0,
    events: frontier.size,
    head,
    problems: sorted,
    problemCount,
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

function rootProblem(
  checkpoint: Checkpoint,
  root: Buffer,
  position: string,
): IntegrityProblem | undefined {
  if (root.toString('hex') === checkpoint.rootHash && position === checkpoint.position)
    return undefined;
  return {
    kind: 'checkpoint',
    position: checkpoint.position,
    detail: `the log's first ${checkpoint.treeSize} events hash to ${root.toString('hex')}, not to the checkpoint's root ${checkpoint.rootHash}`,
  };
}

function checkpointProblems(
  checkpoint: Checkpoint,
  logSize: number,
  tree: TreeStore | undefined,
): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  if (!checkpointSignatureHolds(checkpoint)) {
    problems.push({
      kind: 'checkpoint',
      position: checkpoint.position,
      detail: `the checkpoint's signature does not verify under key ${checkpoint.keyId}`,
    });
  }
  if (logSize < checkpoint.treeSize) {
    problems.push({
      kind: 'truncated',
      position: checkpoint.position,
      detail: `the log holds ${logSize} events; the checkpoint covers ${checkpoint.treeSize}`,
    });
  }
  const storedRoot =
    tree && checkpoint.treeSize > 0 && tree.size() >= checkpoint.treeSize
      ? storedRootAt(tree, checkpoint.treeSize)
      : undefined;
  if (storedRoot !== undefined && storedRoot !== checkpoint.rootHash) {
    problems.push({
      kind: 'checkpoint',
      position: checkpoint.position,
      detail: `the stored tree's root at ${checkpoint.treeSize} is ${storedRoot}, not the checkpoint's`,
    });
  }
  return problems;
}

function storedRootAt(tree: TreeStore, size: number): string {
  try {
    return rootAt(tree, size).toString('hex');
  } catch (error) {
    return `unreadable (${(error as Error).message})`;
  }
}
