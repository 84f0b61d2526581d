import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The key checkpoints are signed with, and how others name and check it. */
export interface SigningKey {
  privateKey: KeyObject;
  /** Base64 of the raw 32-byte Ed25519 public key. */
  publicKey: string;
  keyId: string;
}

/** Where a key is generated when none is configured. */
export const GENERATED_KEY_FILE = 'signing-key.pem';

/**
 * An Ed25519 private key from PKCS#8 PEM or the base64 of its DER.
 * @throws Error naming what is wrong (never echoing the key).
 */
export function parseSigningKey(text: string): SigningKey {
  // An env file often carries a PEM's line breaks as `\n`.
  const trimmed = text.trim().replace(/\\n/g, '\n');
  let privateKey: KeyObject;
  try {
    privateKey = trimmed.includes('-----BEGIN')
      ? createPrivateKey({ key: trimmed, format: 'pem' })
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error('is not a PKCS#8 private key (PEM, or the base64 of its DER)');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`is a ${privateKey.asymmetricKeyType ?? 'non-asymmetric'} key, not Ed25519`);
  }
  return describe(privateKey);
}

/**
 * The configured key, else the one generated earlier in the data folder, else a new one written
 * there readable by the owner only; `generatedFile` says when the key lives in the folder.
 */
export function loadSigningKey(options: { configured?: string; dataDir: string }): {
  key: SigningKey;
  generatedFile?: string;
} {
  if (options.configured !== undefined) return { key: parseSigningKey(options.configured) };
  const file = join(options.dataDir, GENERATED_KEY_FILE);
  return { key: readOrCreate(file), generatedFile: file };
}

function readOrCreate(file: string): SigningKey {
  try {
    return parseSigningKey(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`${file} ${(error as Error).message}`);
    }
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  try {
    // 'wx': a second process that got there first has written the key both must use.
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreate(file);
    throw error;
  }
  return describe(privateKey);
}

function describe(privateKey: KeyObject): SigningKey {
  const jwk = createPublicKeyJwk(privateKey);
  const raw = Buffer.from(jwk, 'base64url');
  return {
    privateKey,
    publicKey: raw.toString('base64'),
    keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16),
  };
}

function createPublicKeyJwk(privateKey: KeyObject): string {
  const { x } = privateKey.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('is not an Ed25519 key');
  return x;
}
