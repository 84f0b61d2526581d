import type { Customer360State } from '../customer-360/customer-360-state';
import { initialCustomer360 } from '../customer-360/customer-360-state';
import { evolveCustomer360 } from '../customer-360/evolve-customer-360';
import { compareBusinessTime } from '../shared/business-time';
import { type EventLike, occurredAtOf } from '../shared/event-fields';

/**
 * The customer 360 of `contactId` folded from `events` (the customer's history in global order,
 * as stored: personal fields sealed) with the projection's own `evolveCustomer360`, so an as-of
 * answer and the live view can never disagree about what an event means. Starting from the
 * contact's initial state rather than `undefined` keeps a merged duplicate's events (which name
 * the duplicate) from becoming the subject of the fold. Undefined when the contact was not yet
 * registered by the last event.
 */
export async function replayCustomer360(
  contactId: string,
  events: AsyncIterable<EventLike> | Iterable<EventLike>,
): Promise<Customer360State | undefined> {
  let state: Customer360State | undefined = initialCustomer360(contactId);
  for await (const event of events) state = evolveCustomer360(state, event);
  return state?.registered ? state : undefined;
}

/** Whether `event` names `contactId` and had happened by `validAt` (UTC ISO, inclusive). */
export function happenedBy(event: EventLike, contactId: string, validAt: string): boolean {
  return event.data.contactId === contactId && occurredAtOf(event) <= validAt;
}

/**
 * Folds `events` onto `state` in business-time order (ties by position), whatever order they
 * were recorded in: the customer 360 for the world at a business moment (`validAt`), once the
 * caller has kept only the events that had happened by then.
 */
export function foldInBusinessOrder(
  state: Customer360State | undefined,
  events: readonly EventLike[],
): Customer360State | undefined {
  const timed = events.map((event) => ({
    event,
    occurredAt: occurredAtOf(event),
    position: event.position,
  }));
  timed.sort(compareBusinessTime);
  return timed.reduce<Customer360State | undefined>(
    (folded, { event }) => evolveCustomer360(folded, event),
    state,
  );
}

/**
 * The customer 360 of `contactId` as it stood at business moment `validAt`: the events of its
 * history that name it and had happened by then, folded in business-time order. Undefined when
 * the contact had not been registered by then.
 */
export async function replayCustomer360ValidAt(
  contactId: string,
  events: AsyncIterable<EventLike> | Iterable<EventLike>,
  validAt: string,
): Promise<Customer360State | undefined> {
  const known: EventLike[] = [];
  for await (const event of events) if (happenedBy(event, contactId, validAt)) known.push(event);
  const state = foldInBusinessOrder(initialCustomer360(contactId), known);
  return state?.registered ? state : undefined;
}
