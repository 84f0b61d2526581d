import { UnavailableError, type Position } from '@eventstore/db-client';
import type { RecordedEvent, SubscriptionBatch } from '../../event-store.port';
import { comparePositions } from '../../event-store.port';
import { EventStoreUnavailableError } from '../../errors';
import { events, uniqueStream } from '../../testing/event-factory';
import { isTransient, toPortError } from './errors';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { resumingSubscription } from './resuming-subscription';
import { serviceError } from './testing/grpc-responses';
import { InMemoryEventStoreDb, type InMemoryOptions } from './testing/in-memory-esdb';

const URL = 'esdb://admin:changeit@localhost:2113?tls=false';

function setup(options?: InMemoryOptions): {
  node: InMemoryEventStoreDb;
  store: EventStoreDbEventStore;
} {
  const node = new InMemoryEventStoreDb(options);
  return { node, store: EventStoreDbEventStore.fromClient(node, URL) };
}

/** Pulls batches until `enough` says so; `each` runs before a batch is counted. */
async function pull(
  source: AsyncIterable<SubscriptionBatch>,
  enough: (seen: RecordedEvent[], batch: SubscriptionBatch) => boolean,
  each: (batch: SubscriptionBatch, seen: RecordedEvent[]) => void = () => undefined,
): Promise<{ seen: RecordedEvent[]; batches: SubscriptionBatch[] }> {
  const seen: RecordedEvent[] = [];
  const batches: SubscriptionBatch[] = [];
  for await (const batch of source) {
    each(batch, seen);
    seen.push(...batch.events);
    batches.push(batch);
    if (enough(seen, batch)) break;
  }
  return { seen, batches };
}

async function nextBatch(iterator: AsyncIterator<SubscriptionBatch>): Promise<SubscriptionBatch> {
  const result = await iterator.next();
  if (result.done) throw new Error('the subscription ended');
  return result.value;
}

describe('a subscription', () => {
  it('resubscribes after a drop during catch-up, after the last position it handed out', async () => {
    const { node, store } = setup();
    const stream = uniqueStream('drop');
    const appended = await store.append(stream, events(100), 'no_stream');
    let lastBeforeReopen: string | undefined;
    let firstAfterReopen: string | undefined;
    const { seen } = await pull(
      store.subscribe({ filter: { streamPrefixes: [stream] }, batchSize: 7 }),
      (all) => all.length >= 100,
      (batch, all) => {
        if (all.length >= 14 && node.subscribedFrom.length === 1) node.dropSubscriptions();
        if (node.subscribedFrom.length === 2 && lastBeforeReopen === undefined) {
          lastBeforeReopen = all[all.length - 1]!.position;
          firstAfterReopen = batch.events[0]?.position;
        }
      },
    );
    expect(seen.map((event) => event.eventId)).toEqual(
      appended.events.map((event) => event.eventId),
    );
    expect(node.subscribedFrom).toHaveLength(2);
    const reopenedAfter = node.subscribedFrom[1] as Position;
    expect(reopenedAfter.commit >= BigInt(lastBeforeReopen!)).toBe(true);
    expect(reopenedAfter.commit < BigInt(firstAfterReopen!)).toBe(true);
  });

  it('resubscribes after a drop while live and sees what was written meanwhile', async () => {
    const { node, store } = setup();
    const stream = uniqueStream('live');
    const first = await store.append(stream, events(3), 'no_stream');
    const iterator = store
      .subscribe({ filter: { streamPrefixes: [stream] } })
      [Symbol.asyncIterator]();
    const seen: RecordedEvent[] = [];
    while (seen.length < 3) seen.push(...(await nextBatch(iterator)).events);
    node.dropSubscriptions();
    const later = await store.append(stream, events(3), 2);
    while (seen.length < 6) seen.push(...(await nextBatch(iterator)).events);
    await iterator.return?.();
    expect(seen.map((event) => event.eventId)).toEqual(
      [...first.events, ...later.events].map((event) => event.eventId),
    );
    expect(node.subscribedFrom).toHaveLength(2);
  });

  it('resubscribes when the server ends the subscription without an error', async () => {
    const { node, store } = setup();
    const stream = uniqueStream('ended');
    await store.append(stream, events(2), 'no_stream');
    const iterator = store
      .subscribe({ filter: { streamPrefixes: [stream] } })
      [Symbol.asyncIterator]();
    const seen: RecordedEvent[] = [];
    while (seen.length < 2) seen.push(...(await nextBatch(iterator)).events);
    node.endSubscriptions();
    await store.append(stream, events(1), 1);
    while (seen.length < 3) seen.push(...(await nextBatch(iterator)).events);
    await iterator.return?.();
    expect(seen.map((event) => event.revision)).toEqual([0, 1, 2]);
    expect(node.subscribedFrom).toHaveLength(2);
  });

  it('ends with an error naming the server when the drop is not one to retry', async () => {
    const { node, store } = setup();
    const stream = uniqueStream('denied');
    await store.append(stream, events(1), 'no_stream');
    const iterator = store
      .subscribe({ filter: { streamPrefixes: [stream] } })
      [Symbol.asyncIterator]();
    await iterator.next();
    const draining = (async (): Promise<void> => {
      for (;;) if ((await iterator.next()).done) return;
    })();
    node.dropSubscriptions(16);
    await expect(draining).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(draining).rejects.toThrow('esdb://admin:***@localhost:2113');
  });

  it('gives up, naming the server, after failing to resubscribe maxAttempts times in a row', async () => {
    let reads = 0;
    const batches = resumingSubscription({
      open: () => {
        throw new Error('never reached: the head read fails first');
      },
      readHead: () => {
        reads += 1;
        return Promise.reject(new UnavailableError(serviceError(14, 'connect ECONNREFUSED')));
      },
      toItem: () => {
        throw new Error('no events');
      },
      batchSize: 10,
      signal: new AbortController().signal,
      isTransient,
      toPortError: (error) => toPortError(error, { url: URL }),
      maxAttempts: 3,
      backoff: () => Promise.resolve(),
    });
    await expect(pull(batches, () => true)).rejects.toThrow(
      /EventStoreDB at esdb:\/\/admin:\*\*\*@localhost:2113.*ECONNREFUSED/,
    );
    expect(reads).toBe(3);
  });

  it('holds the server back while the consumer does not pull', async () => {
    const { node, store } = setup();
    const stream = uniqueStream('slow');
    await store.append(stream, events(1500), 'no_stream');
    const iterator = store
      .subscribe({ filter: { streamPrefixes: [stream] }, batchSize: 10 })
      [Symbol.asyncIterator]();
    let seen = (await nextBatch(iterator)).events.length;
    const [feed] = node.feeds;
    await feed!.nextStall();
    expect(feed!.cursor).toBeLessThan(500);
    while (seen < 1500) seen += (await nextBatch(iterator)).events.length;
    expect(seen).toBe(1500);
    await iterator.return?.();
  });

  it('never gives out a checkpoint ahead of an event it has not handed out yet', async () => {
    const { store } = setup({ searchWindow: 3 });
    const keep = uniqueStream('keep');
    const skip = uniqueStream('skip');
    for (let round = 0; round < 120; round += 1) {
      await store.append(keep, events(1), 'any');
      await store.append(skip, events(2), 'any');
    }
    const head = await store.headPosition();
    const seen: RecordedEvent[] = [];
    const batches: SubscriptionBatch[] = [];
    for await (const batch of store.subscribe({
      filter: { streamPrefixes: [keep] },
      batchSize: 1,
    })) {
      seen.push(...batch.events);
      batches.push(batch);
      if (comparePositions(batch.checkpoint, head) >= 0) break;
      // A slow consumer: the client runs ahead and buffers events while checkpoints come in.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(seen).toHaveLength(120);
    batches.forEach((batch, index) => {
      const later = batches.slice(index + 1).flatMap((next) => next.events);
      for (const event of later) expect(comparePositions(event.position, batch.checkpoint)).toBe(1);
      if (index > 0)
        expect(comparePositions(batch.checkpoint, batches[index - 1]!.checkpoint)).toBe(1);
    });
  });

  it("moves a subscriber whose filter matches nothing by the server's checkpoints", async () => {
    const { store } = setup({ searchWindow: 4, serverVersion: '22.10' });
    const written = await store.append(uniqueStream('other'), events(20, 'Unwanted'), 'no_stream');
    const target = written.events[15]!.position;
    const { seen } = await pull(
      store.subscribe({ filter: { eventTypePrefixes: ['Wanted'] } }),
      (_, batch) => comparePositions(batch.checkpoint, target) >= 0,
    );
    expect(seen).toEqual([]);
  });

  it('returns a pending wait at once when aborted, and lets go of the server', async () => {
    const { node, store } = setup();
    const stream = uniqueStream('abort');
    await store.append(stream, events(1), 'no_stream');
    const controller = new AbortController();
    const iterator = store
      .subscribe({ filter: { streamPrefixes: [stream] }, signal: controller.signal })
      [Symbol.asyncIterator]();
    expect((await nextBatch(iterator)).events).toHaveLength(1);
    const [feed] = node.feeds;
    const pending = iterator.next();
    controller.abort();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(feed!.open).toBe(false);
  });

  it('ends when the store closes', async () => {
    const { store } = setup();
    const stream = uniqueStream('close');
    await store.append(stream, events(1), 'no_stream');
    const iterator = store
      .subscribe({ filter: { streamPrefixes: [stream] } })
      [Symbol.asyncIterator]();
    await iterator.next();
    const pending = iterator.next();
    await store.close();
    await expect(pending).resolves.toMatchObject({ done: true });
  });

  it('gives out the commit of an explicit transaction only once all of it is handed out', async () => {
    const { node, store } = setup();
    const tag = uniqueStream('txn');
    await store.append(`${tag}-a`, events(1), 'no_stream');
    node.appendTransaction(`${tag}-b`, ['A', 'B', 'C']);
    const last = await store.append(`${tag}-a`, events(1), 0);
    const transactionCommit = node.log[node.log.length - 2]!.commit.toString();
    const { seen, batches } = await pull(
      store.subscribe({ filter: { streamPrefixes: [tag] }, batchSize: 2 }),
      (_, batch) => batch.checkpoint === last.position,
    );
    expect(seen.map((event) => event.type)).toEqual([
      'TestHappened',
      'A',
      'B',
      'C',
      'TestHappened',
    ]);
    const handedOut: string[] = [];
    for (const batch of batches) {
      handedOut.push(...batch.events.map((event) => event.type));
      if (batch.checkpoint === transactionCommit) expect(handedOut).toContain('C');
    }
  });
});
