import type { EventFilter, EventStore, RecordedEvent } from '@chronicle/event-store';
import type { Projection, UnitOfWork } from '../projection';

export interface CounterOptions {
  name?: string;
  version?: number;
  filter?: EventFilter;
  /** Throws on the event for which this says yes, e.g. to test failure handling. */
  failOn?: (event: RecordedEvent) => boolean;
  /** Awaited before each event: lets a test hold a projector mid-batch and look at it. */
  beforeApply?: (event: RecordedEvent) => Promise<void>;
}

/**
 * Counts events per stream and in total. It also checks each stream's revisions arrive in
 * sequence, so a double-applied or skipped event fails loudly instead of miscounting quietly.
 */
export function counterProjection(options: CounterOptions = {}): Projection {
  return {
    name: options.name ?? 'counter',
    version: options.version ?? 1,
    collections: ['streams', 'totals'],
    indexes: [{ collection: 'streams', fields: ['count'] }],
    filter: options.filter,
    async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
      await options.beforeApply?.(event);
      if (options.failOn?.(event)) throw new Error(`Cannot count ${event.type}`);
      const stream = await work.get('streams', event.streamId);
      const count = typeof stream?.count === 'number' ? stream.count : 0;
      const expected = typeof stream?.lastRevision === 'number' ? stream.lastRevision + 1 : 0;
      if (!options.filter && event.revision !== expected) {
        throw new Error(`${event.streamId}: revision ${event.revision} after ${expected - 1}`);
      }
      work.put('streams', { _id: event.streamId, count: count + 1, lastRevision: event.revision });
      const totals = await work.get('totals', 'all');
      const total = typeof totals?.count === 'number' ? totals.count : 0;
      work.put('totals', { _id: 'all', count: total + 1, lastPosition: event.position });
    },
  };
}

/**
 * Appends `perStream` events to each of `streams` streams, in chunks of up to 100 per append and
 * the streams concurrently (one group commit serves them); returns the head position after.
 */
export async function appendEvents(
  store: EventStore,
  options: { streams: number; perStream: number; prefix?: string; type?: string },
): Promise<string> {
  const appendStream = async (stream: number): Promise<void> => {
    for (let done = 0; done < options.perStream; done += 100) {
      const size = Math.min(100, options.perStream - done);
      const events = Array.from({ length: size }, (_, offset) => ({
        eventId: crypto.randomUUID(),
        type: options.type ?? 'Counted',
        data: { index: done + offset },
        metadata: {},
      }));
      await store.append(`${options.prefix ?? 'stream'}-${stream}`, events, 'any');
    }
  };
  await Promise.all(Array.from({ length: options.streams }, (_, stream) => appendStream(stream)));
  return store.headPosition();
}
