import type { JsonObject, RecordedEvent } from '@chronicle/event-store';

/**
 * An event as the change feed and webhooks hand it out (docs/feed.md): the stored event with its
 * data in clear, personal fields of an erased subject reading `[erased]`.
 */
export interface FeedEvent {
  eventId: string;
  type: string;
  streamId: string;
  revision: number;
  position: string;
  /** Business time (`metadata.occurredAt`). */
  occurredAt: string | null;
  /** When Chronicle accepted the command (`metadata.recordedAt`). */
  recordedAt: string | null;
  data: Record<string, unknown>;
  metadata: JsonObject;
}

/**
 * Opens an event's data for display: decrypts the personal fields and brings the data to the
 * newest shape (the application's UpcastingReader fits). Declared here, so the feed depends on
 * the shape, not on the write side's library.
 */
export interface EventDataReader {
  read(event: Pick<RecordedEvent, 'type' | 'data' | 'metadata'>): Promise<{
    data: Record<string, unknown>;
  }>;
}

export async function toFeedEvent(
  reader: EventDataReader,
  event: RecordedEvent,
): Promise<FeedEvent> {
  const { data } = await reader.read(event);
  return {
    eventId: event.eventId,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    occurredAt: timeOf(event.metadata.occurredAt),
    recordedAt: timeOf(event.metadata.recordedAt),
    data,
    metadata: event.metadata,
  };
}

function timeOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
