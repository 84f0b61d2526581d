import { ReadYourWritesQuery } from '../query/read-your-writes.query';
import { QueryInteger, QueryPosition, QueryTime, toUtcTime } from '../query/query-fields';
import { NotTogetherWith } from '../query/query-rules';
import { DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT } from './audit-query';

/** `?after=<position>&limit=&minPosition=` of a customer's history, as the service reads it. */
export interface CustomerEventsQuery {
  /** Exclusive: events after this global position. */
  after?: string;
  limit: number;
  minPosition?: string;
}

/**
 * `?atPosition=` (inclusive) or `?asOf=` (store time, UTC ISO), `?validAt=` (business time, UTC
 * ISO), plus `minPosition`.
 */
export interface CustomerStateQuery {
  atPosition?: string;
  asOf?: string;
  validAt?: string;
  minPosition?: string;
}

/** `GET /audit/customers/{id}/export`. */
export class CustomerExportQuery extends ReadYourWritesQuery {
  @QueryPosition('Exclusive: only events after this global position')
  after?: string;
}

/** `GET /audit/customers/{id}/events`: a page; `next` of one answer is `after` of the next. */
export class CustomerPageQuery extends CustomerExportQuery {
  @QueryInteger('Events per page', { min: 1, max: MAX_AUDIT_LIMIT, default: DEFAULT_AUDIT_LIMIT })
  limit?: number;
}

/**
 * `GET /audit/customers/{id}/state`: at most one of `atPosition` and `asOf` (neither = everything
 * recorded), each of which `validAt` may narrow to what had happened by then (bitemporal).
 */
export class CustomerAsOfQuery extends ReadYourWritesQuery {
  @QueryPosition('The state after the event at this global position, inclusive')
  atPosition?: string;

  @QueryTime('The state from the events stored by this time (store time, not business time)')
  @NotTogetherWith('atPosition')
  asOf?: string;

  @QueryTime(
    'Of the events recorded by atPosition or asOf (default: all), those that had happened by this business time, in business-time order; recency and stage stays judged then',
  )
  validAt?: string;
}

export function customerEventsQuery(query: CustomerPageQuery): CustomerEventsQuery {
  const { after, limit = DEFAULT_AUDIT_LIMIT, minPosition } = query;
  return { after, limit, minPosition };
}

export function customerStateQuery(query: CustomerAsOfQuery): CustomerStateQuery {
  const { atPosition, asOf, validAt, minPosition } = query;
  return { atPosition, asOf: toUtcTime(asOf), validAt: toUtcTime(validAt), minPosition };
}
