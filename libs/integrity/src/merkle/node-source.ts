import { nodeHash, splitPoint } from './tree-hashes';

/**
 * Where the hashes of complete, aligned subtrees come from: level 0 is the leaf hashes, and
 * node (level, index) covers leaves [index·2^level, (index+1)·2^level). Every other subtree hash
 * is derived from these, so a store that keeps them answers any root or proof in O(log n) reads.
 */
export interface NodeSource {
  node(level: number, index: number): Buffer;
}

/** MTH(D[start : start + size]) of RFC 9162, for a range whose complete parts are aligned. */
export function rangeHash(source: NodeSource, start: number, size: number): Buffer {
  if (isPowerOfTwo(size) && start % size === 0) return source.node(Math.log2(size), start / size);
  const k = splitPoint(size);
  return nodeHash(rangeHash(source, start, k), rangeHash(source, start + k, size - k));
}

/** The root of the first `size` leaves; size ≥ 1. */
export function rootAt(source: NodeSource, size: number): Buffer {
  return rangeHash(source, 0, size);
}

// Not `n & (n - 1)`: bitwise operators truncate to 32 bits, and a log may outgrow that.
function isPowerOfTwo(n: number): boolean {
  return n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}
