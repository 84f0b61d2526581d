import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore } from '@chronicle/event-store';
import { SqliteEventStore } from '@chronicle/event-store/embedded';
import { anEvent } from '@chronicle/event-store/testing';
import { eventsInPositionOrder } from './merged-streams';
import { verifyStreams } from './verify-streams';

describe('a customer history read from the event store', () => {
  let directory: string;
  let store: EventStore;
  const streams = [{ streamId: 'deal-A' }, { streamId: 'order-B' }, { streamId: 'ticket-C' }];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'chronicle-audit-'));
    store = SqliteEventStore.open({ directory });
    // Interleaved appends: 30 events over three streams, with an unrelated stream in between.
    for (let round = 0; round < 10; round += 1) {
      for (const { streamId } of streams) await store.append(streamId, [anEvent()], 'any');
      await store.append('deal-OTHER', [anEvent()], 'any');
    }
  });

  afterAll(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const collect = async (after?: string, chunkSize?: number) => {
    const positions: string[] = [];
    for await (const event of eventsInPositionOrder(store, streams, { after, chunkSize })) {
      positions.push(event.position);
    }
    return positions;
  };

  it('merges the streams in global order, whatever the chunk size', async () => {
    const expected = (await store.readAll())
      .filter(({ streamId }) => streamId !== 'deal-OTHER')
      .map(({ position }) => position);

    expect(await collect(undefined, 1)).toEqual(expected);
    expect(await collect(undefined, 7)).toEqual(expected);
    expect(await collect()).toEqual(expected);
  });

  it('starts after a position', async () => {
    const all = await collect();
    const cut = all[12]!;

    expect(await collect(cut, 2)).toEqual(all.slice(13));
    expect(await collect(all.at(-1))).toEqual([]);
  });

  it('verifies each stream’s chain with the port alone', async () => {
    const report = await verifyStreams(store, ['deal-A', 'ticket-C', 'deal-NONE']);

    expect(report).toEqual({
      ok: true,
      streams: [
        { streamId: 'deal-A', events: 10, ok: true },
        { streamId: 'ticket-C', events: 10, ok: true },
        { streamId: 'deal-NONE', events: 0, ok: true },
      ],
    });
  });

  it('names the first revision whose stored hash does not follow', async () => {
    const tampering: EventStore = {
      ...store,
      readStream: async (streamId, options) =>
        (await store.readStream(streamId, options)).map((event) =>
          event.revision === 4 ? { ...event, data: { changed: true } } : event,
        ),
    };

    const report = await verifyStreams(tampering, ['order-B']);

    expect(report).toEqual({
      ok: false,
      streams: [{ streamId: 'order-B', events: 10, ok: false, firstBadRevision: 4 }],
    });
  });
});
