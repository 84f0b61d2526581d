import type { ApiKey } from '../config/api-keys';
import type { Actor } from './actor';
import { findApiKey } from './find-api-key';

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1];
}

/** The actor of a known token, or undefined for an unknown one. */
export function actorOfToken(token: string, keys: readonly ApiKey[]): Actor | undefined {
  const key = findApiKey(token, keys);
  if (!key) return undefined;
  return { id: key.id, roles: key.roles, scope: key.tokenSha256.toString('hex') };
}
