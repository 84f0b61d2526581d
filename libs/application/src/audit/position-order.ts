import type { RecordedEvent } from '@chronicle/event-store';

/**
 * Orders decimal-string positions exactly (they may exceed 2^53) without making BigInts on the
 * hot path of a merge: canonical decimals (no leading zeros, which both adapters write) order by
 * length first, then character by character.
 */
export function comparePositionText(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A min-heap of stream cursors keyed by the position of each cursor's next event. */
export class PositionHeap<T extends { head(): RecordedEvent }> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
    this.siftUp(this.items.length - 1);
  }

  /** Removes and returns the cursor with the lowest next position. */
  pop(): T | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (top !== undefined && last !== undefined && this.items.length > 0) {
      this.items[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private less(i: number, j: number): boolean {
    return comparePositionText(this.at(i).head().position, this.at(j).head().position) < 0;
  }

  private at(index: number): T {
    return this.items[index]!;
  }

  private swap(i: number, j: number): void {
    [this.items[i], this.items[j]] = [this.at(j), this.at(i)];
  }

  private siftUp(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.less(child, parent)) return;
      this.swap(child, parent);
      child = parent;
    }
  }

  private siftDown(index: number): void {
    let parent = index;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < this.items.length && this.less(left, smallest)) smallest = left;
      if (right < this.items.length && this.less(right, smallest)) smallest = right;
      if (smallest === parent) return;
      this.swap(parent, smallest);
      parent = smallest;
    }
  }
}
