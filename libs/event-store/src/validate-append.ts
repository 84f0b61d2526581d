import type { EventToAppend, ExpectedRevision } from './event-store.port';
import { InvalidAppendError } from './errors';

/** Checks an append's shape before any adapter touches storage; every adapter calls it. */
export function validateAppend(
  streamId: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
): void {
  if (typeof streamId !== 'string' || streamId.length === 0)
    throw new InvalidAppendError('streamId is empty');
  if (streamId.startsWith('$'))
    throw new InvalidAppendError(`streamId ${streamId}: '$' streams are reserved`);
  if (events.length === 0)
    throw new InvalidAppendError(`Stream ${streamId}: an append needs at least one event`);
  if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new InvalidAppendError(
      `Stream ${streamId}: expected revision ${expected} is not a revision`,
    );
  }
  const seen = new Set<string>();
  for (const event of events) {
    if (!event.eventId) throw new InvalidAppendError(`Stream ${streamId}: an event has no id`);
    if (!event.type)
      throw new InvalidAppendError(`Stream ${streamId}: event ${event.eventId} has no type`);
    if (seen.has(event.eventId)) {
      throw new InvalidAppendError(`Stream ${streamId}: event id ${event.eventId} appears twice`);
    }
    seen.add(event.eventId);
    if (!isPlainObject(event.data) || !isPlainObject(event.metadata)) {
      throw new InvalidAppendError(
        `Stream ${streamId}: event ${event.eventId} data and metadata must be objects`,
      );
    }
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
