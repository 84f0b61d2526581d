import { comparePositions, type EventStore } from '@chronicle/event-store';
import type { Checkpoint } from './checkpoints/checkpoint';
import type { SigningKey } from './checkpoints/signing-key';
import { TreeFollower } from './follower/tree-follower';
import { IntegrityError } from './integrity-error';
import { rootAt } from './merkle/node-source';
import { consistencyPath, inclusionPath } from './merkle/proofs';
import type { TreeStore } from './tree-store.port';
import type { IntegrityProblem, IntegrityReport } from './verify/integrity-problem';
import { verifyLog } from './verify/verify-log';
import { type StreamIntegrityReport, verifyStream } from './verify/verify-stream';

export interface IntegrityLogOptions {
  eventStore: EventStore;
  store: TreeStore;
  key: SigningKey;
  /** True for the embedded store, whose positions run 1, 2, 3… */
  contiguousPositions: boolean;
  checkpointEvery?: number;
  checkpointIntervalMs?: number;
  log?: (level: 'log' | 'warn' | 'error', message: string) => void;
}

export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  path: string[];
  rootHash: string;
}

export interface ConsistencyProof {
  from: number;
  to: number;
  path: string[];
  fromRoot: string;
  toRoot: string;
}

/** How `/health` sees the log's integrity. */
export interface IntegrityStatus {
  status: 'checking' | 'ok' | 'failed';
  treeSize: number;
  /** Position of the tree's last leaf. */
  position: string;
  following: boolean;
  checkedAt?: string;
  problemCount?: number;
  firstProblem?: IntegrityProblem;
}

const WAIT_MS = 5000;

/**
 * The integrity of the log as one object: the follower that keeps the tree, checkpoints, proofs,
 * and whole-store and per-stream verification (docs/audit.md, "Integrity you can prove").
 */
export class IntegrityLog {
  private readonly follower: TreeFollower;
  private running: Promise<IntegrityReport> | undefined;
  private last: { at: string; report: IntegrityReport } | undefined;

  constructor(private readonly options: IntegrityLogOptions) {
    this.follower = new TreeFollower(options);
  }

  /** Checks the stored tail, starts following, and starts a whole-store check in the background. */
  async start(): Promise<void> {
    await this.follower.start();
    this.verify().catch((error: unknown) => {
      this.options.log?.(
        'error',
        `The start-up integrity check failed to run: ${(error as Error).message}`,
      );
    });
  }

  async stop(): Promise<void> {
    await this.follower.stop();
    await this.running?.catch(() => undefined);
  }

  status(): IntegrityStatus {
    const { builder, state, haltedBy } = this.follower;
    const report = this.last?.report;
    const failed = state === 'halted' || report?.ok === false;
    return {
      status: failed ? 'failed' : report ? 'ok' : 'checking',
      treeSize: builder.size,
      position: builder.position,
      following: state === 'following',
      ...(this.last && { checkedAt: this.last.at, problemCount: report?.problemCount }),
      ...((report?.problems[0] ?? haltedBy) && { firstProblem: report?.problems[0] ?? haltedBy }),
    };
  }

  /** The latest checkpoint; with `minPosition`, one that covers it (signed now if need be). */
  async latestCheckpoint(minPosition?: string): Promise<Checkpoint> {
    if (minPosition !== undefined) {
      if (!(await this.follower.waitFor(minPosition, WAIT_MS))) {
        throw new IntegrityError(
          'NOT_CAUGHT_UP',
          `The integrity tree has not reached position ${minPosition}; retry`,
        );
      }
      const latest = this.follower.builder.latestCheckpoint;
      if (!latest || comparePositions(latest.position, minPosition) < 0)
        this.follower.builder.signIfBehind();
    }
    const latest = this.follower.builder.latestCheckpoint ?? this.options.store.latestCheckpoint();
    if (!latest) throw new IntegrityError('NOT_FOUND', 'No checkpoint has been signed yet');
    return latest;
  }

  async inclusionProof(position: string, treeSize?: number): Promise<InclusionProof> {
    const size = treeSize ?? (await this.latestCheckpoint()).treeSize;
    this.assertSize(size);
    const leaf = this.options.store.leafAt(position);
    if (!leaf || leaf.leafIndex >= size) {
      throw new IntegrityError(
        'NOT_FOUND',
        `No event at position ${position} in the tree of ${size}`,
      );
    }
    const { store } = this.options;
    return {
      leafIndex: leaf.leafIndex,
      treeSize: size,
      leafHash: leaf.hash.toString('hex'),
      path: inclusionPath(store, leaf.leafIndex, size).map(hex),
      rootHash: hex(rootAt(store, size)),
    };
  }

  consistencyProof(from: number, to: number): ConsistencyProof {
    if (from < 1 || from > to) {
      throw new IntegrityError('VALIDATION_FAILED', 'from must be at least 1 and at most to');
    }
    this.assertSize(to);
    const { store } = this.options;
    return {
      from,
      to,
      path: consistencyPath(store, from, to).map(hex),
      fromRoot: hex(rootAt(store, from)),
      toRoot: hex(rootAt(store, to)),
    };
  }

  /** The whole store; a request made while a check runs shares it. */
  verify(): Promise<IntegrityReport> {
    this.running ??= this.runVerify().finally(() => (this.running = undefined));
    return this.running;
  }

  async verifyStream(streamId: string): Promise<StreamIntegrityReport> {
    const { eventStore, store } = this.options;
    return verifyStream({
      log: eventStore,
      tree: store,
      streamId,
      checkpoint: this.follower.builder.latestCheckpoint,
    });
  }

  private async runVerify(): Promise<IntegrityReport> {
    const { eventStore, store, contiguousPositions } = this.options;
    // In this order, so the checkpoint and the tree never cover an event past the head checked.
    const checkpoint = this.follower.builder.latestCheckpoint;
    const treeSize = store.size();
    const upTo = await eventStore.headPosition();
    const report = await verifyLog({
      log: eventStore,
      tree: store,
      treeSize,
      checkpoint,
      contiguousPositions,
      upTo,
    });
    this.last = { at: new Date().toISOString(), report };
    if (!report.ok) {
      this.options.log?.(
        'error',
        `Integrity check failed: ${report.problemCount} problem(s), the first ${report.problems[0]?.kind ?? '?'} at position ${report.problems[0]?.position ?? '?'}`,
      );
    }
    return report;
  }

  private assertSize(size: number): void {
    if (size < 1 || size > this.follower.builder.size) {
      throw new IntegrityError(
        'NOT_FOUND',
        `The tree has ${this.follower.builder.size} leaves; no tree of ${size}`,
      );
    }
  }
}

function hex(buffer: Buffer): string {
  return buffer.toString('hex');
}
