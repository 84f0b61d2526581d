import { QueryInteger } from '../query/query-fields';

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 1000;

/** `GET /audit/streams/{streamId}?from=<revision>&limit=`. */
export class StreamAuditQuery {
  @QueryInteger('First revision to list, inclusive', {
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    default: 0,
  })
  from?: number;

  @QueryInteger('Events per page', { min: 1, max: MAX_AUDIT_LIMIT, default: DEFAULT_AUDIT_LIMIT })
  limit?: number;
}
