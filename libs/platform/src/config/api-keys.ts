import { createHash } from 'node:crypto';
import { isRole, ROLES, type Role } from './roles';

/** One accepted API key. The raw token is not kept: only its SHA-256 digest. */
export interface ApiKey {
  /** `key:<first 8 hex of sha256(token)>`; safe to log and to record as an event's actor. */
  id: string;
  roles: readonly Role[];
  tokenSha256: Buffer;
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Builds the key record for a raw token. */
export function apiKeyFor(token: string, roles: readonly Role[]): ApiKey {
  const tokenSha256 = sha256(token);
  return { id: `key:${tokenSha256.toString('hex').slice(0, 8)}`, roles, tokenSha256 };
}

/**
 * Parses `token=role[,role];token=role…`. Throws an Error whose message names the faulty entry
 * by position, never by token, so it can be printed without leaking a secret.
 */
export function parseApiKeys(spec: string): ApiKey[] {
  const entries = spec
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new Error('lists no key (expected token=role[,role];…)');
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const where = `entry ${index + 1}`;
    const separator = entry.indexOf('=');
    const token = separator < 0 ? '' : entry.slice(0, separator).trim();
    if (token === '') throw new Error(`${where} is not token=role[,role]`);
    if (/\s/.test(token)) throw new Error(`${where} has whitespace in its token`);
    if (seen.has(token)) throw new Error(`${where} repeats a token given before`);
    seen.add(token);
    return apiKeyFor(token, parseRoles(entry.slice(separator + 1), where));
  });
}

function parseRoles(list: string, where: string): Role[] {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new Error(`${where} has no role`);
  return names.map((name) => {
    if (!isRole(name)) {
      // A mistyped separator can put a token where a role belongs: show only word-like names.
      const shown = /^[A-Za-z_-]{1,20}$/.test(name) ? `"${name}"` : '(not shown)';
      throw new Error(`${where} has an unknown role ${shown} (known: ${ROLES.join(', ')})`);
    }
    return name;
  });
}
