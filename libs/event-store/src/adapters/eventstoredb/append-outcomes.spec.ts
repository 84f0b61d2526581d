import {
  AppendOutcomeUnknownError,
  DeletedStreamError,
  EventStoreUnavailableError,
  InvalidAppendError,
} from '../../errors';
import { anEvent, events, uniqueStream } from '../../testing/event-factory';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { InMemoryEventStoreDb, type InMemoryOptions } from './testing/in-memory-esdb';

const URL = 'esdb://admin:changeit@localhost:2113?tls=false';

function setup(options?: InMemoryOptions): {
  node: InMemoryEventStoreDb;
  store: EventStoreDbEventStore;
} {
  const node = new InMemoryEventStoreDb(options);
  return { node, store: EventStoreDbEventStore.fromClient(node, URL) };
}

describe('an append whose answer is lost', () => {
  it.each(['deadline-after-write', 'connection-lost-after-write'] as const)(
    'after the server wrote it (%s): outcome unknown, and a retry with the same ids is recognised',
    async (how) => {
      const { node, store } = setup();
      const stream = uniqueStream('lost');
      const batch = events(2);
      node.interruptNextAppend(how);
      const sent = store.append(stream, batch, 'no_stream');
      await expect(sent).rejects.toBeInstanceOf(AppendOutcomeUnknownError);
      await expect(sent).rejects.toThrow(/same event ids is safe/);
      await expect(sent).rejects.not.toThrow('changeit');
      const retried = await store.append(stream, batch, 'no_stream');
      expect(retried.written).toBe(false);
      expect(await store.readStream(stream)).toHaveLength(2);
    },
  );

  it('before it reached the server: unavailable, nothing written', async () => {
    const { node, store } = setup();
    const stream = uniqueStream('refused');
    node.interruptNextAppend('unavailable-before-write');
    await expect(store.append(stream, events(1), 'no_stream')).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    expect(await store.readStream(stream)).toEqual([]);
  });

  it('written, but a lagging follower cannot read it back yet: outcome unknown, not an internal error', async () => {
    const { node, store } = setup();
    const stream = uniqueStream('stale');
    node.staleReads = 2;
    await expect(store.append(stream, events(2), 'no_stream')).rejects.toBeInstanceOf(
      AppendOutcomeUnknownError,
    );
    node.staleReads = 0;
    expect(await store.readStream(stream)).toHaveLength(2);
  });
});

describe('appends the server refuses', () => {
  it('over its maximum append size: refused as malformed, naming the limit, nothing written', async () => {
    const { store } = setup({ maxAppendSize: 1_000 });
    const stream = uniqueStream('big');
    const refused = store.append(stream, [anEvent('Big', { text: 'x'.repeat(2_000) })], 'any');
    await expect(refused).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(refused).rejects.toThrow(/limit of 1000 bytes/);
    expect(await store.readStream(stream)).toEqual([]);
  });

  it('to a stream deleted for good: refused as deleted; the stream reads as empty', async () => {
    const { node, store } = setup();
    const stream = uniqueStream('gone');
    await store.append(stream, events(1), 'no_stream');
    node.tombstoned.add(stream);
    await expect(store.append(stream, events(1), 'any')).rejects.toBeInstanceOf(DeletedStreamError);
    expect(await store.readStream(stream)).toEqual([]);
  });
});

describe('a user outside $admins', () => {
  it('cannot read $all, and is told so rather than that the server is down', async () => {
    const { store } = setup({ admin: false });
    const reading = store.headPosition();
    await expect(reading).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(reading).rejects.toThrow(/refused access .* \$admins/);
    await expect(reading).rejects.not.toThrow(/is unavailable/);
  });

  it('cannot subscribe, and the subscription ends with the same reason instead of retrying', async () => {
    const { node, store } = setup();
    const stream = uniqueStream('denied');
    await store.append(stream, events(1), 'no_stream');
    const denied = setup({ admin: false });
    denied.node.log.push(...node.log);
    const pulling = (async (): Promise<void> => {
      for await (const batch of denied.store.subscribe({ filter: { streamPrefixes: [stream] } })) {
        void batch;
      }
    })();
    await expect(pulling).rejects.toThrow(/\$admins/);
  });
});

describe('retries of `any` appends', () => {
  it('are recognised however far back in the stream the earlier attempt stands', async () => {
    const { store } = setup();
    const stream = uniqueStream('far');
    const batch = events(2);
    await store.append(stream, batch, 'any');
    for (let round = 0; round < 30; round += 1) await store.append(stream, events(20), 'any');
    await expect(store.append(stream, batch, 'any')).resolves.toMatchObject({
      written: false,
      revision: 1,
    });
    expect(await store.readStream(stream)).toHaveLength(602);
  });
});
