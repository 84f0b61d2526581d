import { createHash } from 'node:crypto';

/**
 * The id a caller's Idempotency-Key is recorded under and the command's event ids derive from:
 * scope and key together, so the same key from two callers names two commands. The scope is the
 * caller's (an API key's token hash, the queue); this hash keeps neither in the clear.
 */
export function scopedCommandId(scope: string, key: string): string {
  if (scope === '') throw new Error('An idempotency scope must not be empty');
  return createHash('sha256').update(`${scope}\u0000${key}`, 'utf8').digest('hex');
}
