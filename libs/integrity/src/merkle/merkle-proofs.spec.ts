import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { MemoryNodes } from './memory-nodes';
import { MerkleFrontier } from './merkle-frontier';
import { rootAt } from './node-source';
import { consistencyPath, inclusionPath } from './proofs';
import { EMPTY_ROOT, leafHash } from './tree-hashes';
import { verifyConsistency, verifyInclusion } from './verify-proofs';

// RFC 9162 §2.1.1 written out literally, as the reference the stored-node code must agree with.
const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
function referenceRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(
    Buffer.from([1]),
    referenceRoot(leaves.slice(0, k)),
    referenceRoot(leaves.slice(k)),
  );
}

const leavesOf = (count: number) =>
  Array.from({ length: count }, (_, index) => leafHash(String(index + 1), `hash-${index}`));

const treeAndSizes = fc
  .integer({ min: 1, max: 300 })
  .chain((size) =>
    fc.record({ size: fc.constant(size), a: fc.nat(size - 1), b: fc.nat(size - 1) }),
  );

describe('the Merkle tree over stored events', () => {
  it('hashes a leaf as SHA-256(0x00 ‖ "<position>\\n<chain hash>")', () => {
    const expected = sha256(Buffer.from([0]), Buffer.from('42\nabc', 'utf8'));

    expect(leafHash('42', 'abc').equals(expected)).toBe(true);
    expect(EMPTY_ROOT.equals(sha256())).toBe(true);
  });

  it('agrees with the RFC 9162 definition of the root at every size', () => {
    const leaves = leavesOf(70);
    const nodes = new MemoryNodes(leaves);
    const frontier = MerkleFrontier.empty();
    leaves.forEach((leaf, index) => {
      frontier.push(leaf);
      const expected = referenceRoot(leaves.slice(0, index + 1));
      expect(rootAt(nodes, index + 1).equals(expected)).toBe(true);
      expect(frontier.root().equals(expected)).toBe(true);
      expect(
        MerkleFrontier.of(nodes, index + 1)
          .root()
          .equals(expected),
      ).toBe(true);
    });
  });

  it('proves every leaf of every tree, and no changed leaf', () => {
    fc.assert(
      fc.property(treeAndSizes, ({ size, a }) => {
        const leaves = leavesOf(size);
        const nodes = new MemoryNodes(leaves);
        const root = rootAt(nodes, size);
        const path = inclusionPath(nodes, a, size);

        expect(verifyInclusion(leaves[a]!, a, size, path, root)).toBe(true);
        expect(verifyInclusion(leafHash('0', 'forged'), a, size, path, root)).toBe(false);
        if (size > 1)
          expect(verifyInclusion(leaves[a]!, (a + 1) % size, size, path, root)).toBe(false);
      }),
    );
  });

  it('proves every smaller tree a prefix of every larger one, and not a changed one', () => {
    fc.assert(
      fc.property(treeAndSizes, ({ size, a, b }) => {
        const from = Math.min(a, b) + 1;
        const to = Math.max(a, b) + 1;
        const leaves = leavesOf(size);
        const nodes = new MemoryNodes(leaves);
        const path = consistencyPath(nodes, from, to);
        const fromRoot = rootAt(nodes, from);
        const toRoot = rootAt(nodes, to);

        expect(verifyConsistency(from, to, path, fromRoot, toRoot)).toBe(true);
        const rewritten = [...leaves];
        rewritten[from - 1] = leafHash('0', 'rewritten');
        const rewrittenRoot = rootAt(new MemoryNodes(rewritten), from);
        expect(verifyConsistency(from, to, path, rewrittenRoot, toRoot)).toBe(false);
      }),
    );
  });
});
