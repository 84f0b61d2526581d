import type { RecordedEvent } from '@chronicle/event-store';
import { type Checkpoint, signCheckpoint } from '../checkpoints/checkpoint';
import type { SigningKey } from '../checkpoints/signing-key';
import { type CompletedNode, MerkleFrontier } from '../merkle/merkle-frontier';
import { leafHash } from '../merkle/tree-hashes';
import type { StoredLeaf, TreeStore } from '../tree-store.port';

export interface TreeBuilderOptions {
  store: TreeStore;
  key: SigningKey;
  /** A checkpoint is signed as soon as this many leaves are not covered by one. */
  checkpointEvery: number;
  now?: () => Date;
}

/**
 * Appends events to the tree in global order and signs checkpoints. Each call is one durable
 * step: leaves, the subtrees they complete and any checkpoint due are written together.
 */
export class TreeBuilder {
  private frontier: MerkleFrontier;
  private lastPosition: string;
  private latest: Checkpoint | undefined;

  constructor(private readonly options: TreeBuilderOptions) {
    const { store } = options;
    this.frontier = MerkleFrontier.of(store, store.size());
    this.lastPosition = store.size() === 0 ? '0' : store.leaf(store.size() - 1)!.position;
    this.latest = store.latestCheckpoint();
  }

  get size(): number {
    return this.frontier.size;
  }

  /** Global position of the last leaf; '0' while the tree is empty. */
  get position(): string {
    return this.lastPosition;
  }

  get latestCheckpoint(): Checkpoint | undefined {
    return this.latest;
  }

  add(events: readonly RecordedEvent[]): void {
    if (events.length === 0) return;
    const leaves: StoredLeaf[] = [];
    const nodes: CompletedNode[] = [];
    const checkpoints: Checkpoint[] = [];
    let latest = this.latest;
    for (const event of events) {
      const hash = leafHash(event.position, event.hash);
      const { streamId, revision, position } = event;
      leaves.push({ leafIndex: this.frontier.size, position, streamId, revision, hash });
      nodes.push(...this.frontier.push(hash));
      if (this.frontier.size - (latest?.treeSize ?? 0) >= this.options.checkpointEvery) {
        latest = this.sign(position);
        checkpoints.push(latest);
      }
    }
    try {
      this.options.store.append({ leaves, nodes, checkpoints });
    } catch (error) {
      // Nothing of the step was written: the edge goes back to what the store holds.
      this.frontier = MerkleFrontier.of(this.options.store, this.options.store.size());
      throw error;
    }
    this.lastPosition = events[events.length - 1]!.position;
    this.latest = latest;
  }

  /** Signs the tree as it stands, unless the latest checkpoint already covers every leaf. */
  signIfBehind(): Checkpoint | undefined {
    if (this.latest && this.latest.treeSize === this.frontier.size) return this.latest;
    const checkpoint = this.sign(this.lastPosition);
    this.options.store.append({ leaves: [], nodes: [], checkpoints: [checkpoint] });
    this.latest = checkpoint;
    return checkpoint;
  }

  private sign(position: string): Checkpoint {
    const timestamp = (this.options.now?.() ?? new Date()).toISOString();
    const body = {
      treeSize: this.frontier.size,
      rootHash: this.frontier.root().toString('hex'),
      position,
      timestamp,
    };
    return signCheckpoint(body, this.options.key);
  }
}
