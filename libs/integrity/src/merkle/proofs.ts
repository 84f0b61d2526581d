import { type NodeSource, rangeHash } from './node-source';
import { splitPoint } from './tree-hashes';

/**
 * The inclusion proof of leaf `index` in the tree of the first `size` leaves (RFC 9162 §2.1.3.1
 * PATH), nearest sibling first.
 */
export function inclusionPath(source: NodeSource, index: number, size: number): Buffer[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  }
  return path(source, index, 0, size);
}

function path(source: NodeSource, index: number, start: number, size: number): Buffer[] {
  if (size === 1) return [];
  const k = splitPoint(size);
  return index < k
    ? [...path(source, index, start, k), rangeHash(source, start + k, size - k)]
    : [...path(source, index - k, start + k, size - k), rangeHash(source, start, k)];
}

/**
 * The proof that the tree of `from` leaves is a prefix of the tree of `to` leaves (RFC 9162
 * §2.1.4.1 PROOF); 0 < from ≤ to.
 */
export function consistencyPath(source: NodeSource, from: number, to: number): Buffer[] {
  if (!Number.isSafeInteger(from) || from < 1 || from > to) {
    throw new RangeError(`no consistency proof from ${from} to ${to}`);
  }
  return subproof(source, from, 0, to, true);
}

function subproof(
  source: NodeSource,
  m: number,
  start: number,
  n: number,
  startsAtOldRoot: boolean,
): Buffer[] {
  if (m === n) return startsAtOldRoot ? [] : [rangeHash(source, start, m)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(source, m, start, k, startsAtOldRoot), rangeHash(source, start + k, n - k)]
    : [...subproof(source, m - k, start + k, n - k, false), rangeHash(source, start, k)];
}
