/** A fact as the domain sees it; each context narrows this with a union on `type`. */
export interface DomainEvent {
  type: string;
  data: Record<string, unknown>;
}

/** Builds one member of a context's event union. */
export type EventOf<T extends string, D extends Record<string, unknown>> = { type: T; data: D };

/** What evolve needs besides the event: the business time the fact happened. */
export interface EventMeta {
  occurredAt: string;
}

export const ROLES = ['service', 'analyst', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Everything decide may know besides the payload and its own stream's state. */
export interface DecideContext<R extends Record<string, unknown> = Record<string, unknown>> {
  /** Business time of the command, ISO-8601, already validated. */
  occurredAt: string;
  actorRoles: readonly string[];
  /** Folded states of the streams named by the command's `related`; a missing stream is its initial state. */
  related: R;
  /** Other contacts sharing the normalised e-mail or phone, found by the application. */
  duplicateCandidates: ReadonlyArray<{ contactId: string; matchedOn: 'email' | 'phone' }>;
}

export interface StreamEvents<E extends DomainEvent = DomainEvent> {
  streamId: string;
  events: E[];
}

/**
 * One command type. The application loads `streamId(payload)` and every stream in
 * `related(payload)`, folds them with `streamModelFor`, calls `decide` and appends its entries in
 * array order. The last entry is the command's primary result; a repeat that changes nothing
 * answers one entry with no events.
 *
 * Methods (not function properties) on purpose: their parameters compare bivariantly, so a spec
 * typed for its own payload and state still fits `CommandSpec` with the defaults.
 */
export interface CommandSpec<
  P = unknown,
  S = unknown,
  R extends Record<string, unknown> = Record<string, unknown>,
> {
  commandType: string;
  streamId(payload: P): string;
  /** Name -> stream id of other (bounded) streams decide reads. */
  related?(payload: P): { [K in keyof R]: string };
  decide(payload: P, state: S, ctx: DecideContext<R>): StreamEvents[];
}

/** Keeps the payload, state and related types of one command checked where it is written. */
export function defineCommand<P, S, R extends Record<string, unknown> = Record<string, never>>(
  spec: CommandSpec<P, S, R>,
): CommandSpec<P, S, R> {
  return spec;
}

export interface StreamModel<S = unknown, E extends DomainEvent = DomainEvent> {
  initialState: S;
  evolve(state: S, event: E, meta: EventMeta): S;
}

export type DomainErrorCode = 'RULE_VIOLATED' | 'NOT_FOUND' | 'ALREADY_EXISTS';

/** A refusal: RULE_VIOLATED -> 422, NOT_FOUND -> 404, ALREADY_EXISTS -> 409. */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function ruleViolated(message: string): never {
  throw new DomainError('RULE_VIOLATED', message);
}

export function notFound(message: string): never {
  throw new DomainError('NOT_FOUND', message);
}

/** The primary (and only) entry of a command that writes to its own stream. */
export function onStream<E extends DomainEvent>(streamId: string, events: E[]): StreamEvents[] {
  return [{ streamId, events }];
}
