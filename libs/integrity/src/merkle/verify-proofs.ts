import { nodeHash } from './tree-hashes';

/**
 * RFC 9162 §2.1.3.2: does `path` prove that `leaf` is leaf `index` of the tree of `size` leaves
 * whose root is `root`?
 */
export function verifyInclusion(
  leaf: Buffer,
  index: number,
  size: number,
  path: readonly Buffer[],
  root: Buffer,
): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/**
 * RFC 9162 §2.1.4.2: does `path` prove that the tree of `from` leaves with root `fromRoot` is a
 * prefix of the tree of `to` leaves with root `toRoot`?
 */
export function verifyConsistency(
  from: number,
  to: number,
  path: readonly Buffer[],
  fromRoot: Buffer,
  toRoot: Buffer,
): boolean {
  if (from < 1 || from > to) return false;
  if (from === to) return path.length === 0 && fromRoot.equals(toRoot);
  // A `from` that is a power of two is its own first node, which the path leaves out.
  const nodes = isPowerOfTwo(from) ? [fromRoot, ...path] : [...path];
  if (nodes.length === 0) return false;
  let fn = from - 1;
  let sn = to - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = nodes[0]!;
  let sr = nodes[0]!;
  for (const c of nodes.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(fromRoot) && sr.equals(toRoot);
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}
