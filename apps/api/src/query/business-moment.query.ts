import { ReadYourWritesQuery } from './read-your-writes.query';
import { QueryTime } from './query-fields';

/**
 * `?validAt=`: the answer for the world at that business moment. Only facts whose `occurredAt`
 * is at or before it count, applied in business-time order, and every open, pending or breached
 * status is judged at it instead of now (docs/views-time.md).
 */
export class BusinessMomentQuery extends ReadYourWritesQuery {
  @QueryTime('Answer as of this business moment: only facts that had happened by then, judged then')
  validAt?: string;
}
