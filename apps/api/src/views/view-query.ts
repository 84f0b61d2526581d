import { BusinessMomentQuery } from '../query/business-moment.query';
import { QueryTime, toUtcTime } from '../query/query-fields';
import { NotEarlierThan } from '../query/query-rules';

/** The window every aggregate view takes: `from`, `to` (business time), `validAt` and `minPosition`. */
export class ViewWindowQuery extends BusinessMomentQuery {
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
  /** The business moment to answer as of; undefined = now. */
  validAt?: string;
  minPosition?: string;
}

export function viewWindow(query: ViewWindowQuery): ViewWindow {
  return {
    from: toUtcTime(query.from),
    to: toUtcTime(query.to),
    validAt: toUtcTime(query.validAt),
    minPosition: query.minPosition,
  };
}
