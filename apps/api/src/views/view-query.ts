import { ReadYourWritesQuery } from '../query/read-your-writes.query';
import { QueryTime, toUtcTime } from '../query/query-fields';
import { NotEarlierThan } from '../query/query-rules';

/** The window every aggregate view takes: `from`, `to` (business time) and `minPosition`. */
export class ViewWindowQuery extends ReadYourWritesQuery {
  @QueryTime('Inclusive lower bound of business time; absent = unbounded')
  from?: string;

  @QueryTime('Exclusive upper bound of business time; absent = unbounded; not before from')
  @NotEarlierThan('from')
  to?: string;
}

/** A validated window with its bounds in UTC ISO form, so they compare with stored times. */
export interface ViewWindow {
  from?: string;
  to?: string;
  minPosition?: string;
}

export function viewWindow(query: ViewWindowQuery): ViewWindow {
  return { from: toUtcTime(query.from), to: toUtcTime(query.to), minPosition: query.minPosition };
}
