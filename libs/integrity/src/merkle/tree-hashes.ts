import { createHash } from 'node:crypto';

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** The bytes an event contributes to the tree: its global position and chain hash (docs/audit.md). */
export function leafText(position: string, chainHash: string): string {
  return `${position}\n${chainHash}`;
}

/** RFC 9162 leaf hash: SHA-256(0x00 ‖ leaf bytes). */
export function leafHash(position: string, chainHash: string): Buffer {
  return createHash('sha256')
    .update(LEAF_PREFIX)
    .update(leafText(position, chainHash), 'utf8')
    .digest();
}

/** RFC 9162 interior node hash: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** The root of the empty tree: SHA-256 of no bytes. */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

/** The largest power of two strictly below `n` (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
