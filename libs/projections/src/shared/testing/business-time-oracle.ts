import type { RecordedEvent } from '@chronicle/event-store';

/**
 * The reference a `validAt` answer must equal: the events that had happened by `validAt`, in
 * business-time order (ties by global position), as a fresh projection would be fed them before
 * its live view is read with the clock at `validAt`. Deliberately plain (Date.parse, BigInt) so it
 * shares no code with the business-time module it checks.
 */
export function eventsKnownAt(events: readonly RecordedEvent[], validAt: string): RecordedEvent[] {
  const moment = Date.parse(validAt);
  const businessTime = (event: RecordedEvent): number => {
    const occurredAt = event.metadata.occurredAt;
    return typeof occurredAt === 'string' ? Date.parse(occurredAt) : 0;
  };
  return events
    .filter((event) => businessTime(event) <= moment)
    .sort(
      (a, b) =>
        businessTime(a) - businessTime(b) || (BigInt(a.position) < BigInt(b.position) ? -1 : 1),
    );
}
