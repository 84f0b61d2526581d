import { createHash, createPublicKey, verify } from 'node:crypto';

// An auditor's own check of Chronicle's proofs, written from RFC 9162 and the contract's text
// alone: nothing here comes from the server's code.

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const node = (left: Buffer, right: Buffer) => sha256(Buffer.from([1]), left, right);
const hex = (text: string) => Buffer.from(text, 'hex');

export interface SavedCheckpoint {
  treeSize: number;
  rootHash: string;
  position: string;
  timestamp: string;
  keyId: string;
  publicKey: string;
  signature: string;
}

/** The leaf of an event as an audit read shows it: SHA-256(0x00 ‖ "<position>\n<hash>"). */
export function leafOf(event: { position: string; hash: string }): string {
  return sha256(Buffer.from([0]), Buffer.from(`${event.position}\n${event.hash}`, 'utf8')).toString(
    'hex',
  );
}

export function checkpointSigned(checkpoint: SavedCheckpoint): boolean {
  const raw = Buffer.from(checkpoint.publicKey, 'base64');
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
  const text = `chronicle-checkpoint/v1\n${checkpoint.treeSize}\n${checkpoint.rootHash}\n${checkpoint.position}\n${checkpoint.timestamp}\n`;
  const keyId = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  return (
    keyId === checkpoint.keyId &&
    verify(null, Buffer.from(text), key, Buffer.from(checkpoint.signature, 'base64'))
  );
}

/** RFC 9162 §2.1.3.2. */
export function inclusionHolds(
  leaf: string,
  index: number,
  size: number,
  path: string[],
  root: string,
): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = hex(leaf);
  for (const p of path.map(hex)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else {
      r = node(r, p);
    }
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 && r.equals(hex(root));
}

/** RFC 9162 §2.1.4.2. */
export function consistencyHolds(
  from: number,
  to: number,
  path: string[],
  fromRoot: string,
  toRoot: string,
): boolean {
  const nodes = (from & (from - 1)) === 0 ? [hex(fromRoot), ...path.map(hex)] : path.map(hex);
  if (nodes.length === 0) return false;
  let fn = from - 1;
  let sn = to - 1;
  while (fn % 2 === 1) [fn, sn] = [fn >> 1, sn >> 1];
  let fr = nodes[0]!;
  let sr = nodes[0]!;
  for (const c of nodes.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = node(c, fr);
      sr = node(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else {
      sr = node(sr, c);
    }
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 && fr.equals(hex(fromRoot)) && sr.equals(hex(toRoot));
}
