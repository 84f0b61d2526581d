import { eventsInPositionOrder } from '@chronicle/application';
import { comparePositions, type EventStore, type RecordedEvent } from '@chronicle/event-store';
import {
  type Customer360State,
  customerHistoryProjection,
  HISTORY_CONTACTS,
  HISTORY_STREAMS,
  type ProjectorRuntime,
  queryCustomerHistory,
  replayCustomer360ValidAt,
} from '@chronicle/projections';
import type { ReadStore } from '@chronicle/read-store';

/** Where a customer's history is read from: the history index and the event store. */
export interface CustomerHistorySource {
  eventStore: EventStore;
  readStore: ReadStore;
  runtime: ProjectorRuntime;
}

/** The projection whose index lists a customer's streams; a `validAt` answer waits on it too. */
export const CUSTOMER_HISTORY = customerHistoryProjection.name;

/**
 * The customer 360 fold of `contactId` for the world at business moment `validAt`: the events of
 * its history recorded up to position `upTo` (the answer's position) that name it and had
 * happened by then, in business-time order. The history is read from the event store, as the
 * audit's as-of state reads it, rather than kept a second time in the read model; so it costs a
 * read of every event of the customer's streams up to `upTo`. Undefined when no contact with this
 * id had been registered by then.
 */
export async function customer360ValidAt(
  source: CustomerHistorySource,
  contactId: string,
  validAt: string,
  upTo: string,
): Promise<Customer360State | undefined> {
  const { runtime } = source;
  const history = await queryCustomerHistory(
    source.readStore,
    {
      contacts: runtime.collection(CUSTOMER_HISTORY, HISTORY_CONTACTS),
      streams: runtime.collection(CUSTOMER_HISTORY, HISTORY_STREAMS),
    },
    contactId,
  );
  if (!history) return undefined;
  const events = eventsInPositionOrder(source.eventStore, history.streams);
  return replayCustomer360ValidAt(contactId, recordedUpTo(events, upTo), validAt);
}

async function* recordedUpTo(
  events: AsyncIterable<RecordedEvent>,
  upTo: string,
): AsyncGenerator<RecordedEvent> {
  for await (const event of events) {
    if (comparePositions(event.position, upTo) > 0) return;
    yield event;
  }
}
