import { DomainError } from './decider';
import { deepEqual, omitKeys } from './objects';

/**
 * A create command on a stream that already exists: the same creation again is a harmless repeat
 * (true: decide answers no events), anything else is ALREADY_EXISTS. `derivedKeys` are fields
 * decide computes rather than copies (due times, totals) and so do not take part.
 */
export function isRepeatedCreation(
  stored: Record<string, unknown>,
  requested: Record<string, unknown>,
  entity: string,
  derivedKeys: readonly string[] = [],
): true {
  if (deepEqual(omitKeys(stored, derivedKeys), omitKeys(requested, derivedKeys))) return true;
  throw new DomainError('ALREADY_EXISTS', `${entity} already exists with different details`);
}
