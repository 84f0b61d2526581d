import type { Role } from '../config/roles';

/** Who sent the request: the API key's id (`key:<8 hex>`, never the token) and its roles. */
export interface Actor {
  id: string;
  roles: readonly Role[];
  /**
   * The hex SHA-256 of the caller's token: what scopes its idempotency keys, so two callers'
   * equal keys name two commands. Never answered or logged; the token itself is never kept.
   */
  scope?: string;
}

/** The request as the guard leaves it for handlers. */
export interface RequestWithActor {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}
