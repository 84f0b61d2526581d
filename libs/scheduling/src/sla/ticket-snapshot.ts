import { streamModelFor, type TicketState, ticketStreamId } from '@chronicle/domain';
import type { EventStore, RecordedEvent } from '@chronicle/event-store';

/** A ticket folded from its stream, with the revision it was decided on and its opening event. */
export interface TicketSnapshot {
  state: TicketState;
  /** The stream's last revision, -1 when it has no event. */
  revision: number;
  opened?: RecordedEvent;
}

/**
 * Reads and folds a ticket's stream. No decryption: the SLA fields (due times, response and
 * resolution times, breaches) are never personal data, and evolve keeps sealed fields as they are.
 */
export async function loadTicket(
  eventStore: EventStore,
  ticketId: string,
): Promise<TicketSnapshot> {
  const streamId = ticketStreamId(ticketId);
  const model = streamModelFor(streamId);
  const events = await eventStore.readStream(streamId);
  let state = model.initialState;
  for (const event of events) {
    state = model.evolve(state, event, { occurredAt: occurredAtOf(event) });
  }
  return {
    state: state as TicketState,
    revision: events.length === 0 ? -1 : events[events.length - 1]!.revision,
    opened: events.find((event) => event.type === 'TicketOpened'),
  };
}

function occurredAtOf(event: RecordedEvent): string {
  const { occurredAt } = event.metadata;
  return typeof occurredAt === 'string' ? occurredAt : event.storedAt;
}
