import { canonicalJson, type JsonValue } from '@chronicle/event-store';
import { keyedHash } from '../privacy/keyed-hash';

export type Secret = Parameters<typeof keyedHash>[0];

/**
 * Identifies a request without storing it: a keyed hash of the command type, the validated payload
 * in canonical JSON (key order does not matter, unknown fields are already refused) and If-Match.
 */
export function requestFingerprint(
  secret: Secret,
  type: string,
  payload: Record<string, unknown>,
  expectedRevision: number | undefined,
): string {
  const body = canonicalJson(payload as JsonValue);
  return keyedHash(secret, `command\u0000${type}\u0000${body}\u0000${expectedRevision ?? ''}`);
}
