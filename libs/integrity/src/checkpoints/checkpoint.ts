import { createPublicKey, sign, verify } from 'node:crypto';
import type { SigningKey } from './signing-key';

/** A signed statement of the tree's size and root at a moment (docs/audit.md, "Checkpoints"). */
export interface Checkpoint {
  treeSize: number;
  /** Hex of the root of the first `treeSize` leaves. */
  rootHash: string;
  /** Global position of the tree's last leaf; '0' for the empty tree. */
  position: string;
  /** ISO-8601. */
  timestamp: string;
  /** First 16 hex digits of SHA-256 of the raw public key. */
  keyId: string;
  /** Base64 of the raw 32-byte Ed25519 public key. */
  publicKey: string;
  /** Base64 Ed25519 signature over {@link checkpointText}. */
  signature: string;
}

export type UnsignedCheckpoint = Pick<
  Checkpoint,
  'treeSize' | 'rootHash' | 'position' | 'timestamp'
>;

/** The exact UTF-8 text a checkpoint's signature covers. */
export function checkpointText(checkpoint: UnsignedCheckpoint): string {
  const { treeSize, rootHash, position, timestamp } = checkpoint;
  return `chronicle-checkpoint/v1\n${treeSize}\n${rootHash}\n${position}\n${timestamp}\n`;
}

export function signCheckpoint(body: UnsignedCheckpoint, key: SigningKey): Checkpoint {
  const signature = sign(null, Buffer.from(checkpointText(body), 'utf8'), key.privateKey);
  return {
    treeSize: body.treeSize,
    rootHash: body.rootHash,
    position: body.position,
    timestamp: body.timestamp,
    keyId: key.keyId,
    publicKey: key.publicKey,
    signature: signature.toString('base64'),
  };
}

/** ASN.1 prefix of an Ed25519 SubjectPublicKeyInfo, before the 32 raw key bytes. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** True when the signature verifies under the public key the checkpoint names. */
export function checkpointSignatureHolds(checkpoint: Checkpoint): boolean {
  try {
    const raw = Buffer.from(checkpoint.publicKey, 'base64');
    if (raw.length !== 32) return false;
    const publicKey = createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
      format: 'der',
      type: 'spki',
    });
    return verify(
      null,
      Buffer.from(checkpointText(checkpoint), 'utf8'),
      publicKey,
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}
