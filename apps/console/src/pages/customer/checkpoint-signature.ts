import type { Checkpoint } from '../../session/api-shapes';

export type SignatureCheck = 'valid' | 'invalid' | 'unsupported';

/**
 * Checks the checkpoint's Ed25519 signature, and that its key id names its public key, with the
 * browser's own WebCrypto (docs/audit.md, "Checkpoints"). It proves the server signed this root
 * with that key; whether the key is the organisation's is for the auditor to compare.
 * Without a secure context (plain HTTP to another host) or Ed25519 support: `unsupported`.
 */
export async function checkCheckpointSignature(checkpoint: Checkpoint): Promise<SignatureCheck> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return 'unsupported';
  const publicKey = base64Bytes(checkpoint.publicKey);
  const signature = base64Bytes(checkpoint.signature);
  const { treeSize, rootHash, position, timestamp } = checkpoint;
  const message = new TextEncoder().encode(
    `chronicle-checkpoint/v1\n${treeSize}\n${rootHash}\n${position}\n${timestamp}\n`,
  );
  let key: CryptoKey;
  try {
    key = await subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return 'unsupported';
  }
  const keyDigest = new Uint8Array(await subtle.digest('SHA-256', publicKey));
  const keyId = [...keyDigest.slice(0, 8)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  if (keyId !== checkpoint.keyId) return 'invalid';
  return (await subtle.verify({ name: 'Ed25519' }, key, signature, message)) ? 'valid' : 'invalid';
}

function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
}
