import { EMPTY_ROOT, nodeHash } from './tree-hashes';
import type { NodeSource } from './node-source';

/** A complete, aligned subtree finished by an append: to store, so proofs never recompute it. */
export interface CompletedNode {
  level: number;
  index: number;
  hash: Buffer;
}

interface FrontierEntry {
  level: number;
  hash: Buffer;
}

/**
 * The right edge of a growing tree: one complete subtree per set bit of its size, largest first.
 * Appending a leaf merges equal neighbours (O(log n)), and the root of the current size folds the
 * edge from the right, so the tree is built and its root known without reading earlier leaves.
 */
export class MerkleFrontier {
  private readonly entries: FrontierEntry[] = [];

  private constructor(private count: number) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier(0);
  }

  /** The frontier of a stored tree of `size` leaves, read from its complete subtrees. */
  static of(source: NodeSource, size: number): MerkleFrontier {
    const frontier = new MerkleFrontier(size);
    let start = 0;
    for (let level = Math.floor(Math.log2(Math.max(size, 1))); level >= 0; level -= 1) {
      const width = 2 ** level;
      if (start + width > size) continue;
      frontier.entries.push({ level, hash: source.node(level, start / width) });
      start += width;
    }
    return frontier;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the next leaf; answers every subtree it completes, the leaf itself first. */
  push(leaf: Buffer): CompletedNode[] {
    const index = this.count;
    this.count += 1;
    const completed: CompletedNode[] = [{ level: 0, index, hash: leaf }];
    let entry: FrontierEntry = { level: 0, hash: leaf };
    let nodeIndex = index;
    for (let last = this.entries.at(-1); last?.level === entry.level; last = this.entries.at(-1)) {
      this.entries.pop();
      nodeIndex = Math.floor(nodeIndex / 2);
      entry = { level: entry.level + 1, hash: nodeHash(last.hash, entry.hash) };
      completed.push({ level: entry.level, index: nodeIndex, hash: entry.hash });
    }
    this.entries.push(entry);
    return completed;
  }

  root(): Buffer {
    if (this.entries.length === 0) return EMPTY_ROOT;
    let root = this.entries[this.entries.length - 1]!.hash;
    for (let at = this.entries.length - 2; at >= 0; at -= 1) {
      root = nodeHash(this.entries[at]!.hash, root);
    }
    return root;
  }
}
