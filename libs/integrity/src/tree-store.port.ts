import type { Checkpoint } from './checkpoints/checkpoint';
import type { CompletedNode } from './merkle/merkle-frontier';
import type { NodeSource } from './merkle/node-source';

/**
 * A leaf as the tree keeps it. Only `hash` is part of the tree; the position, stream and revision
 * say which event it was, so a deleted event can still be named.
 */
export interface StoredLeaf {
  leafIndex: number;
  position: string;
  streamId: string;
  revision: number;
  hash: Buffer;
}

/** What one step of the builder writes, all or nothing. */
export interface TreeAppend {
  leaves: readonly StoredLeaf[];
  /** Every complete subtree above the leaves that the new leaves finished. */
  nodes: readonly CompletedNode[];
  checkpoints: readonly Checkpoint[];
}

/**
 * Durable tree state: leaf hashes, the complete subtrees above them and the signed checkpoints.
 * Reads are synchronous (the embedded file answers in microseconds).
 */
export interface TreeStore extends NodeSource {
  size(): number;
  leaf(leafIndex: number): StoredLeaf | undefined;
  /** Leaves from `fromIndex` on, in order, at most `maxCount`. */
  leaves(fromIndex: number, maxCount: number): StoredLeaf[];
  /** The first leaf recorded at `position`. */
  leafAt(position: string): StoredLeaf | undefined;
  /** The leaves recorded for one stream, by revision. */
  leavesOfStream(streamId: string): StoredLeaf[];
  append(step: TreeAppend): void;
  latestCheckpoint(): Checkpoint | undefined;
  close(): void;
}
