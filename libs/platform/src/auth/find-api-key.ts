import { timingSafeEqual } from 'node:crypto';
import { type ApiKey, sha256 } from '../config/api-keys';

/**
 * The key whose token this is. Compares SHA-256 digests in constant time and always checks every
 * key, so the answer's timing tells nothing about how much of a token was right.
 */
export function findApiKey(token: string, keys: readonly ApiKey[]): ApiKey | undefined {
  const digest = sha256(token);
  let found: ApiKey | undefined;
  for (const key of keys) {
    if (timingSafeEqual(digest, key.tokenSha256) && !found) found = key;
  }
  return found;
}
