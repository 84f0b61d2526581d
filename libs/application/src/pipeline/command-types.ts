/** Who sent a command: an API key's id (never its token) or a producing service, and its roles. */
export interface CommandActor {
  id: string;
  roles: readonly string[];
}

/** A command as it reaches the pipeline from HTTP or the queue, before any validation. */
export interface CommandRequest {
  type: string;
  body: unknown;
  /** Becomes the command id; the same key and body again, in the same scope, answers the stored result. */
  idempotencyKey?: string;
  /**
   * Whose keys these are: the same key in two scopes names two commands. Over HTTP a hash of the
   * API token, on the queue the queue; never a secret itself.
   */
  idempotencyScope: string;
  /** `If-Match`: the revision the target stream must have; a mismatch is CONCURRENCY_CONFLICT. */
  expectedRevision?: number;
  correlationId: string;
  actor: CommandActor;
}

/** The 201 answer (docs/api.md): the target stream's revision and position after the command. */
export interface CommandResult {
  commandId: string;
  streamId: string;
  revision: number;
  position: string;
  events: Array<{ eventId: string; type: string }>;
}
