import { createHmac, randomBytes } from 'node:crypto';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';

const SECRET_BYTES = 32;

/**
 * HMAC-SHA256 of `value` in hex: equal values (normalise e-mails and phones first) give equal
 * hashes, so duplicates can be matched without storing the values; without the secret a hash
 * cannot be reversed by trying likely values.
 */
export function keyedHash(secret: Buffer, value: string): string {
  if (secret.length === 0) throw new Error('keyedHash needs a non-empty secret');
  return createHmac('sha256', secret).update(value, 'utf8').digest('hex');
}

/**
 * The 32-byte secret in the file at `path`, created (mode 0600) on the first start and reused on
 * later ones. A file of another size, or one that others may read, stops the start.
 */
export function loadOrCreateSecret(path: string): Buffer {
  mkdirSync(dirname(path), { recursive: true });
  try {
    return readSecret(path);
  } catch (error) {
    if (!isMissingFile(error)) throw error;
  }
  createSecretFile(path);
  return readSecret(path);
}

function readSecret(path: string): Buffer {
  const { mode } = statSync(path);
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8);
    throw new Error(`Secret file ${path} may be read by others (mode ${octal}); chmod 600 it`);
  }
  const secret = readFileSync(path);
  if (secret.length !== SECRET_BYTES) {
    throw new Error(`Secret file ${path} holds ${secret.length} bytes, not ${SECRET_BYTES}`);
  }
  return secret;
}

// Written in full under a temporary name, then linked into place: link refuses to replace an
// existing file, so two starts racing both end up with the one secret that won, never half of one.
function createSecretFile(path: string): void {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, randomBytes(SECRET_BYTES), { mode: 0o600, flush: true });
  try {
    chmodSync(temporary, 0o600);
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
}

function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
