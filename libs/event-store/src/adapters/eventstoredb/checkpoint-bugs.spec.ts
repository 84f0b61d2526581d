import type { RecordedEvent, SubscriptionBatch } from '../../event-store.port';
import { comparePositions } from '../../event-store.port';
import { events, uniqueStream } from '../../testing/event-factory';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { InMemoryEventStoreDb } from './testing/in-memory-esdb';
import { SERVER_VERSIONS, type ServerVersion } from './testing/server-versions';

const URL = 'esdb://localhost:2113?tls=false';
// A lost event shows as a wait that never ends; fail well before jest's own timeout.
const WITHIN = 5_000;

function setup(serverVersion: ServerVersion): {
  node: InMemoryEventStoreDb;
  store: EventStoreDbEventStore;
} {
  const node = new InMemoryEventStoreDb({ serverVersion, searchWindow: 3 });
  return { node, store: EventStoreDbEventStore.fromClient(node, URL) };
}

async function next(iterator: AsyncIterator<SubscriptionBatch>): Promise<SubscriptionBatch> {
  const result = await iterator.next();
  if (result.done) throw new Error('the subscription ended');
  return result.value;
}

/** Lets the client read what the server has sent: a few turns of the event loop, no timer. */
async function clientDrained(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe.each(SERVER_VERSIONS)('a subscription on a %s server', (version) => {
  it(
    'started at the head, stays open and hands out the next append',
    async () => {
      const { node, store } = setup(version);
      const stream = uniqueStream('head');
      await store.append(stream, events(2), 'no_stream');
      const iterator = store
        .subscribe({ after: await store.headPosition(), filter: { streamPrefixes: [stream] } })
        [Symbol.asyncIterator]();
      const first = iterator.next();
      await eventuallyOpen(node);
      await node.feeds.values().next().value!.wentLive();
      await clientDrained();
      const later = await store.append(stream, events(1), 1);
      const batch = await first;
      if (batch.done) throw new Error('the subscription ended');
      expect(batch.value.events.map((event) => event.eventId)).toEqual([later.events[0]!.eventId]);
      await iterator.return?.();
    },
    WITHIN,
  );

  it(
    'from the start of a log holding nothing it wants, hands out the first append it wants',
    async () => {
      const { node, store } = setup(version);
      const stream = uniqueStream('first');
      await store.append(uniqueStream('other'), events(1), 'no_stream');
      const iterator = store
        .subscribe({ filter: { streamPrefixes: [stream] } })
        [Symbol.asyncIterator]();
      const pulled = next(iterator);
      await eventuallyOpen(node);
      await node.feeds.values().next().value!.wentLive();
      await clientDrained();
      const wanted = await store.append(stream, events(1), 'no_stream');
      let batch = await pulled;
      while (batch.events.length === 0) batch = await next(iterator);
      expect(batch.events.map((event) => event.eventId)).toEqual([wanted.events[0]!.eventId]);
      await iterator.return?.();
    },
    WITHIN,
  );

  it(
    'hands out every live event once, and no checkpoint ahead of an event still to come',
    async () => {
      const { store } = setup(version);
      const tag = uniqueStream('live');
      const wanted = `${tag}-wanted`;
      await store.append(`${tag}-other`, events(4), 'any');
      await store.append(wanted, events(2), 'any');
      const iterator = store
        .subscribe({ filter: { streamPrefixes: [wanted] }, batchSize: 2 })
        [Symbol.asyncIterator]();
      const batches: SubscriptionBatch[] = [await next(iterator)];
      const live: RecordedEvent[] = [];
      for (let round = 0; round < 4; round += 1) {
        live.push(...(await store.append(wanted, events(1), 'any')).events);
        await store.append(`${tag}-other`, events(round + 1), 'any');
      }
      const last = live[live.length - 1]!.position;
      while (!batches.some((batch) => batch.events.some((event) => event.position === last))) {
        batches.push(await next(iterator));
      }
      await iterator.return?.();
      const handedOut = batches.flatMap((batch) => batch.events);
      const stored = await store.readStream(wanted);
      expect(handedOut.map((event) => event.eventId)).toEqual(stored.map((event) => event.eventId));
      batches.forEach((batch, index) => {
        for (const later of batches.slice(index + 1).flatMap((each) => each.events)) {
          expect(comparePositions(later.position, batch.checkpoint)).toBe(1);
        }
      });
    },
    WITHIN,
  );

  it(
    'gives out a checkpoint that a restarted consumer can resume from without a gap',
    async () => {
      const { store } = setup(version);
      const stream = uniqueStream('restart');
      await store.append(uniqueStream('other'), events(5), 'no_stream');
      await store.append(stream, events(1), 'no_stream');
      const head = await store.headPosition();
      let checkpoint = '0';
      for await (const batch of store.subscribe({ filter: { streamPrefixes: [stream] } })) {
        checkpoint = batch.checkpoint;
        if (comparePositions(checkpoint, head) >= 0) break;
      }
      const missed = await store.append(stream, events(2), 0);
      const resumed: RecordedEvent[] = [];
      for await (const batch of store.subscribe({
        after: checkpoint,
        filter: { streamPrefixes: [stream] },
      })) {
        resumed.push(...batch.events);
        if (resumed.some((event) => event.position === missed.position)) break;
      }
      expect(resumed.map((event) => event.revision)).toEqual([1, 2]);
    },
    WITHIN,
  );
});

async function eventuallyOpen(node: InMemoryEventStoreDb): Promise<void> {
  while (node.feeds.size === 0) await new Promise((resolve) => setImmediate(resolve));
}
