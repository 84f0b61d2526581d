import { type DomainEvent } from './decider';

/**
 * The event as a member of a context's union, or undefined for a type the context does not know
 * (a newer version's event, or one another context writes to the same stream). The data shape is
 * trusted: only decide, whose output is typed, ever writes these events.
 */
export function narrowEvent<E extends DomainEvent>(
  known: Readonly<Record<E['type'], true>>,
  event: DomainEvent,
): E | undefined {
  return Object.hasOwn(known, event.type) ? (event as E) : undefined;
}
