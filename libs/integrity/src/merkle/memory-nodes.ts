import { type CompletedNode, MerkleFrontier } from './merkle-frontier';
import type { NodeSource } from './node-source';

/** Every complete subtree of a list of leaf hashes, kept in memory (tests and small checks). */
export class MemoryNodes implements NodeSource {
  private readonly levels: Buffer[][] = [];

  constructor(leaves: readonly Buffer[]) {
    const frontier = MerkleFrontier.empty();
    for (const leaf of leaves) frontier.push(leaf).forEach((node) => this.keep(node));
  }

  node(level: number, index: number): Buffer {
    const hash = this.levels[level]?.[index];
    if (!hash) throw new RangeError(`no complete node (${level}, ${index})`);
    return hash;
  }

  private keep({ level, index, hash }: CompletedNode): void {
    (this.levels[level] ??= [])[index] = hash;
  }
}
