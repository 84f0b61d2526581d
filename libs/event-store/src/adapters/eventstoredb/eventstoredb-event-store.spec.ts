import { createServer, type AddressInfo } from 'node:net';
import { EventStoreDBClient } from '@eventstore/db-client';
import type { AppendResult } from '../../event-store.port';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../../errors';
import { findChainBreak } from '../../hash-chain';
import { describeEventStoreContract } from '../../testing/event-store.contract';
import { anEvent, events, uniqueStream } from '../../testing/event-factory';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { InMemoryEventStoreDb } from './testing/in-memory-esdb';

const URL = 'esdb://admin:changeit@localhost:2113?tls=false';
const ABOVE_DOUBLE_PRECISION = 2n ** 53n + 3n;

describeEventStoreContract('EventStoreDB adapter over an in-memory node', () =>
  Promise.resolve(
    EventStoreDbEventStore.fromClient(
      new InMemoryEventStoreDb({ firstPosition: ABOVE_DOUBLE_PRECISION, systemLinks: true }),
      URL,
    ),
  ),
);

/** A node on which another process appends right before this adapter's next write. */
class RacedNode extends InMemoryEventStoreDb {
  beforeNextWrite: (() => Promise<unknown>) | undefined;

  override async appendToStream(
    ...args: Parameters<InMemoryEventStoreDb['appendToStream']>
  ): Promise<Awaited<ReturnType<InMemoryEventStoreDb['appendToStream']>>> {
    const race = this.beforeNextWrite;
    this.beforeNextWrite = undefined;
    await race?.();
    return super.appendToStream(...args);
  }
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('EventStoreDB adapter', () => {
  describe('when the server cannot be reached', () => {
    let url: string;
    beforeAll(async () => {
      url = `esdb://admin:changeit@127.0.0.1:${await closedPort()}?tls=false`;
    });
    const named = (): string => url.replace('changeit', '***');

    it('fails to connect, naming the address but not the password', async () => {
      const connecting = EventStoreDbEventStore.connect(url);
      await expect(connecting).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(connecting).rejects.toThrow(named());
      await expect(connecting).rejects.not.toThrow('changeit');
    });

    it('fails every call the same way', async () => {
      const client = EventStoreDBClient.connectionString(url);
      const store = EventStoreDbEventStore.fromClient(client, url);
      const calls = [
        () => store.append('contact-1', events(1), 'any'),
        () => store.readStream('contact-1'),
        () => store.readAll(),
        () => store.headPosition(),
      ];
      for (const call of calls) await expect(call()).rejects.toThrow(named());
      await store.close();
    });

    it('refuses a malformed connection string, naming it without the password', async () => {
      await expect(
        EventStoreDbEventStore.connect('esdb://admin:changeit@host:port'),
      ).rejects.toThrow(/Invalid EventStoreDB connection string esdb:\/\/admin:\*\*\*@host:port/);
    });
  });

  it('keeps positions above 2^53 exact', async () => {
    const node = new InMemoryEventStoreDb({ firstPosition: ABOVE_DOUBLE_PRECISION });
    const store = EventStoreDbEventStore.fromClient(node, URL);
    const { position } = await store.append(uniqueStream('big'), events(1), 'no_stream');
    expect(position).toBe(node.log[node.log.length - 1]!.commit.toString());
    expect(BigInt(position) > 2n ** 53n).toBe(true);
    expect(await store.headPosition()).toBe(position);
  });

  it('reads an empty store, system events aside, as position 0', async () => {
    await expect(
      EventStoreDbEventStore.fromClient(new InMemoryEventStoreDb(), URL).headPosition(),
    ).resolves.toBe('0');
  });

  it('takes event ids that are not UUIDs, and recognises their retries', async () => {
    const store = EventStoreDbEventStore.fromClient(new InMemoryEventStoreDb(), URL);
    const stream = uniqueStream('ids');
    const batch = [
      { ...anEvent(), eventId: 'order-42/line-1' },
      { ...anEvent(), eventId: 'order-42/line-2' },
    ];
    await store.append(stream, batch, 'no_stream');
    await expect(store.append(stream, batch, 'no_stream')).resolves.toMatchObject({
      written: false,
    });
    expect((await store.readStream(stream)).map((event) => event.eventId)).toEqual([
      'order-42/line-1',
      'order-42/line-2',
    ]);
  });

  describe('racing another process', () => {
    it('starts over from a fresh read under any, so the chain does not fork', async () => {
      const node = new RacedNode();
      const store = EventStoreDbEventStore.fromClient(node, URL);
      const other = EventStoreDbEventStore.fromClient(node, URL);
      const stream = uniqueStream('race');
      await store.append(stream, events(1), 'no_stream');
      let theirs: AppendResult | undefined;
      node.beforeNextWrite = async () => (theirs = await other.append(stream, events(1), 'any'));
      const ours = await store.append(stream, events(1), 'any');
      expect(theirs?.revision).toBe(1);
      expect(ours.revision).toBe(2);
      expect(findChainBreak(await store.readStream(stream))).toBeUndefined();
    });

    it('refuses an exact revision the other process took, naming where the stream is', async () => {
      const node = new RacedNode();
      const store = EventStoreDbEventStore.fromClient(node, URL);
      const other = EventStoreDbEventStore.fromClient(node, URL);
      const stream = uniqueStream('race');
      await store.append(stream, events(1), 'no_stream');
      node.beforeNextWrite = () => other.append(stream, events(2), 0);
      const refused = store.append(stream, events(1), 0);
      await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(refused).rejects.toMatchObject({ expected: 0, actual: 2 });
    });
  });

  describe('with events of an explicit transaction (a legacy TCP client)', () => {
    it('finishes the transaction in readAll rather than end a page inside it', async () => {
      const node = new InMemoryEventStoreDb();
      const store = EventStoreDbEventStore.fromClient(node, URL);
      const before = await store.append(uniqueStream('before'), events(1), 'no_stream');
      node.appendTransaction(uniqueStream('legacy'), ['A', 'B', 'C']);
      const after = await store.append(uniqueStream('after'), events(1), 'no_stream');
      const page = await store.readAll({ after: before.position, maxCount: 2 });
      expect(page.map((event) => event.type)).toEqual(['A', 'B', 'C']);
      expect(new Set(page.map((event) => event.position)).size).toBe(1);
      const next = await store.readAll({ after: page[2]!.position });
      expect(next.map((event) => event.eventId)).toEqual([after.events[0]!.eventId]);
    });

    it('cannot read their stream, and says why', async () => {
      const node = new InMemoryEventStoreDb();
      const stream = uniqueStream('legacy');
      node.appendTransaction(stream, ['A']);
      await expect(EventStoreDbEventStore.fromClient(node, URL).readStream(stream)).rejects.toThrow(
        /no \$all position .* explicit transactions/,
      );
    });
  });
});
