import type { Customer360State } from '../customer-360/customer-360-state';
import { initialCustomer360 } from '../customer-360/customer-360-state';
import { evolveCustomer360 } from '../customer-360/evolve-customer-360';
import type { EventLike } from '../shared/event-fields';

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
