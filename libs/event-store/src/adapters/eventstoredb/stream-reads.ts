import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { ReadStreamOptions, RecordedEvent } from '../../event-store.port';
import { collect, type EsdbClient } from './esdb-client';
import { fromResolvedEvent } from './event-envelope';
import { positionOf } from './positions';

/** A stream's events in the port's terms; a stream that does not exist (or no more) reads as empty. */
export async function readStreamEvents(
  client: EsdbClient,
  streamId: string,
  options: ReadStreamOptions,
): Promise<RecordedEvent[]> {
  if (options.maxCount !== undefined && options.maxCount <= 0) return [];
  const backwards = options.direction === 'backwards';
  let read: ResolvedEvent[];
  try {
    read = await collect(
      client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision:
          options.fromRevision === undefined
            ? backwards
              ? END
              : START
            : BigInt(options.fromRevision),
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      }),
    );
  } catch (error) {
    // A stream deleted for good reads as one that does not exist; appending to it is refused.
    if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return [];
    throw error;
  }
  return read.flatMap((resolved) => {
    const position = positionOf(resolved);
    if (!position) {
      throw new Error(
        `EventStoreDB gave no $all position for revision ${resolved.event?.revision} of ${streamId}: ` +
          'stream reads carry it from version 22.6 on, and never for events of explicit transactions',
      );
    }
    const event = fromResolvedEvent(resolved, position);
    return event ? [event] : [];
  });
}
