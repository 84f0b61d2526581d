import type { DocumentQuery, ReadDocument } from '@chronicle/read-store';
import { rangeCondition, type TimeRange } from './day-window';

/** What an entity scan asks the read store, and the test the rest of its filters make. */
export interface EntityScan {
  query: DocumentQuery;
  matches(document: ReadDocument): boolean;
}

/**
 * Plans a scan of a cohort's entities: the time range and the first equality given, in the
 * order the caller expects them to narrow most, go to the read store, where a compound index on
 * that field and the time field serves them; the other equalities are tested on what comes back.
 * Handed two equalities, the embedded store's planner has no statistics to pick the narrower
 * index: at 100,000 contacts it walked the 16,000 of one source (80 ms) rather than the 2,600 of
 * one owner (15 ms).
 */
export function planEntityScan(
  timeField: string,
  range: TimeRange,
  equalities: ReadonlyArray<readonly [field: string, value: string | undefined]>,
): EntityScan {
  const given = equalities.filter(
    (equality): equality is readonly [string, string] => equality[1] !== undefined,
  );
  const [indexed, ...tested] = given;
  const time = rangeCondition(range);
  return {
    query: {
      ...(indexed && { [indexed[0]]: indexed[1] }),
      ...(time && { [timeField]: time }),
    },
    matches: (document) => tested.every(([field, value]) => document[field] === value),
  };
}
