import type { StoredLeaf, TreeStore } from '../tree-store.port';

const PAGE = 1000;

export type LeafMatch =
  /** The tree recorded this very leaf at this position. */
  | 'same'
  /** The tree recorded another leaf at this position. */
  | 'differs'
  /** The tree has moved past this position without recording an event there. */
  | 'unrecorded'
  /** The tree does not reach this far yet. */
  | 'beyond';

/**
 * Walks the stored leaves beside the log, both in position order. Leaves the log no longer has
 * are kept (up to a bound) for the caller to name; `absentCount` counts them all.
 */
export class LeafMatcher {
  private page: StoredLeaf[] = [];
  private pageStart = 0;
  private at = 0;
  readonly absent: StoredLeaf[] = [];
  absentCount = 0;
  /** Set when the stored leaves are not what a tree holds (a hole): matching stops there. */
  damage: string | undefined;

  constructor(
    private readonly tree: TreeStore | undefined,
    private readonly treeSize: number,
    private readonly keep: number,
  ) {}

  match(position: string, leaf: Buffer): LeafMatch {
    const target = BigInt(position);
    for (let stored = this.peek(); stored; stored = this.peek()) {
      const at = BigInt(stored.position);
      if (at > target) return 'unrecorded';
      this.at += 1;
      if (at === target) return stored.hash.equals(leaf) ? 'same' : 'differs';
      this.skip(stored);
    }
    return 'beyond';
  }

  /** Every leaf not matched yet is absent from the log. */
  finish(): void {
    for (let stored = this.peek(); stored; stored = this.peek()) {
      this.at += 1;
      this.skip(stored);
    }
  }

  private skip(stored: StoredLeaf): void {
    this.absentCount += 1;
    if (this.absent.length < this.keep) this.absent.push(stored);
  }

  private peek(): StoredLeaf | undefined {
    if (!this.tree || this.damage !== undefined || this.at >= this.treeSize) return undefined;
    if (this.at >= this.pageStart + this.page.length) {
      this.page = this.tree.leaves(this.at, Math.min(PAGE, this.treeSize - this.at));
      this.pageStart = this.at;
    }
    const stored = this.page[this.at - this.pageStart];
    if (stored?.leafIndex !== this.at) {
      this.damage = `the integrity tree lacks leaf ${this.at}`;
      return undefined;
    }
    return stored;
  }
}
