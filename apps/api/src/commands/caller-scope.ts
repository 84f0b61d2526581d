import { createHash } from 'node:crypto';
import { ChronicleError } from '@chronicle/platform';

type HeaderValue = string | string[] | undefined;

/**
 * The idempotency scope of an HTTP caller: the SHA-256 of its API token, which the guard has
 * already accepted. The whole digest, not the key's short id, so two keys can never share a scope;
 * the token itself goes no further than this function.
 */
export function callerScopeOf(authorization: HeaderValue): string {
  const value = Array.isArray(authorization) ? authorization[0] : authorization;
  const token = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '')?.[1];
  if (token === undefined) {
    throw new ChronicleError('UNAUTHENTICATED', 'Send an API key as Authorization: Bearer <token>');
  }
  return `http:${createHash('sha256').update(token, 'utf8').digest('hex')}`;
}
