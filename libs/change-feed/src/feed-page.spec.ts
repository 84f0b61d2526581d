import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { comparePositions, type EventStore } from '@chronicle/event-store';
import { EventStoreDbEventStore } from '@chronicle/event-store/eventstoredb';
import { SqliteEventStore } from '@chronicle/event-store/embedded';
import { anEvent } from '@chronicle/event-store/testing';
// The EventStoreDB adapter over the stand-in node its own tests use (docs/architecture.md).
import { InMemoryEventStoreDb } from '../../event-store/src/adapters/eventstoredb/testing/in-memory-esdb';
import { readFeedPage } from './feed-page';

const adapters: Array<[string, (directory: string) => EventStore]> = [
  ['the embedded store', (directory) => SqliteEventStore.open({ directory })],
  [
    'EventStoreDB (stand-in node with system events, positions above 2^53)',
    () =>
      EventStoreDbEventStore.fromClient(
        new InMemoryEventStoreDb({ firstPosition: 2n ** 53n + 5n, systemLinks: true }),
        'esdb://localhost:2113?tls=false',
      ),
  ],
];

describe.each(adapters)('feed pages over %s', (_name, openStore) => {
  let directory: string;
  let store: EventStore;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'chronicle-feed-'));
    store = openStore(directory);
    await store.append('ticket-T-1', [anEvent('TicketOpened'), anEvent('TicketAssigned')], 'any');
    await store.append('deal-D-1', [anEvent('DealOpened')], 'any');
    await store.append('ticket-T-2', [anEvent('TicketOpened')], 'any');
  });

  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const page = (after: string, limit: number, filter = {}, waitMs = 0) =>
    readFeedPage(store, { after, limit, filter, waitMs });

  it('pages through every event exactly once, in global order', async () => {
    const seen: string[] = [];
    let after = '0';
    for (let round = 0; round < 10; round += 1) {
      const { events, next } = await page(after, 2);
      if (events.length === 0) break;
      seen.push(...events.map((event) => `${event.streamId}:${event.type}`));
      after = next;
    }
    expect(seen).toEqual([
      'ticket-T-1:TicketOpened',
      'ticket-T-1:TicketAssigned',
      'deal-D-1:DealOpened',
      'ticket-T-2:TicketOpened',
    ]);
  });

  it('keeps only the exact types and stream prefix asked, and moves next past the rest', async () => {
    const all = await store.readAll();
    const { events, next, head } = await page('0', 100, { types: ['TicketOpened'] });
    expect(events.map((event) => event.streamId)).toEqual(['ticket-T-1', 'ticket-T-2']);
    expect(next).toBe(head);
    expect(next).toBe(all.at(-1)!.position);

    const deals = await page('0', 100, { streamPrefix: 'deal-' });
    expect(deals.events.map((event) => event.type)).toEqual(['DealOpened']);
    const none = await page('0', 100, { types: ['TicketOpen'] });
    expect(none).toEqual({ events: [], next: head, head });
  });

  it('answers at once with nothing when the reader is at the head', async () => {
    const head = await store.headPosition();
    expect(await page(head, 10)).toEqual({ events: [], next: head, head });
  });

  it('refuses a position beyond the head rather than waiting for it', async () => {
    const beyond = String(BigInt(await store.headPosition()) + 1n);
    await expect(page(beyond, 10, {}, 10_000)).rejects.toMatchObject({
      code: 'POSITION_BEYOND_HEAD',
    });
  });

  it('long-polls: a wait ends with the first new event', async () => {
    const head = await store.headPosition();
    const waiting = page(head, 10, { types: ['DealWon'] }, 10_000);
    await store.append('deal-D-9', [anEvent('DealLost')], 'any');
    await store.append('deal-D-1', [anEvent('DealWon')], 'any');
    const { events, next } = await waiting;
    expect(events.map((event) => event.type)).toEqual(['DealWon']);
    expect(next).toBe(events[0]!.position);
  });

  it('ends a wait with nothing new when its time is up, having moved past what it skipped', async () => {
    const head = await store.headPosition();
    await store.append('deal-D-9', [anEvent('DealLost')], 'any');
    const { events, next } = await page(head, 10, { types: ['DealWon'] }, 200);
    expect(events).toEqual([]);
    expect(comparePositions(next, head)).toBe(1);
  });

  it('ends a wait when its caller goes away', async () => {
    const head = await store.headPosition();
    const gone = new AbortController();
    const waiting = readFeedPage(store, {
      after: head,
      limit: 10,
      filter: {},
      waitMs: 30_000,
      signal: gone.signal,
    });
    gone.abort();
    expect(await waiting).toEqual({ events: [], next: head, head });
  });
});
