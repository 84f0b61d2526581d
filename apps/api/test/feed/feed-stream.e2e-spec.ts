import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { anEvent } from '@chronicle/event-store/testing';
import { eventually } from '../../../../libs/scheduling/src/testing/eventually';
import { ApiHarness, TOKENS } from '../../src/commands/testing/api-harness';
import { FeedConnections } from '../../src/feed/feed-connections';
import { SseReader } from './support/sse-reader';
import { UnreadStream } from './support/unread-stream';

describe('GET /feed/stream (Server-Sent Events)', () => {
  let api: ApiHarness;
  const open: SseReader[] = [];

  beforeAll(async () => {
    api = await ApiHarness.start();
    await api.accepted('RegisterContact', { contactId: 'C-SSE', firstName: 'Sam' });
    for (const ticketId of ['T-SSE-1', 'T-SSE-2', 'T-SSE-3']) {
      await api.accepted('OpenTicket', {
        ticketId,
        contactId: 'C-SSE',
        subject: `About ${ticketId}`,
        priority: 'normal',
        channel: 'web',
      });
    }
  });

  afterEach(() => {
    for (const reader of open.splice(0)) reader.close();
  });

  afterAll(() => api.close());

  async function stream(query = '', headers: Record<string, string> = {}): Promise<SseReader> {
    const reader = await SseReader.open(`${api.baseUrl}/feed/stream${query}`, {
      Authorization: `Bearer ${TOKENS.service}`,
      ...headers,
    });
    open.push(reader);
    return reader;
  }

  it('sends each event as id = position, event = type, data = the feed event', async () => {
    const reader = await stream('?types=TicketOpened');
    expect(reader.status).toBe(200);
    expect(reader.contentType).toMatch(/^text\/event-stream/);
    const frames = await reader.events(3);
    const page = await api.request<{ events: unknown[] }>('/feed?types=TicketOpened', {
      token: TOKENS.service,
    });
    expect(frames.map((frame) => JSON.parse(frame.data!) as unknown)).toEqual(page.body.events);
    expect(frames.map(({ id, event }) => ({ id, event }))).toEqual(
      (page.body.events as Array<{ position: string; type: string }>).map((event) => ({
        id: event.position,
        event: event.type,
      })),
    );
  });

  it('follows new events live', async () => {
    const reader = await stream('?streamPrefix=ticket-T-SSE-2');
    const [opened] = await reader.events(1);
    const assigned = await api.accepted('AssignTicket', { ticketId: 'T-SSE-2', agentId: 'A-7' });
    const [live] = await reader.events(1);
    expect([opened!.event, live!.event, live!.id]).toEqual([
      'TicketOpened',
      'TicketAssigned',
      assigned.position,
    ]);
  });

  it('resumes right after Last-Event-ID, which wins over after', async () => {
    const [first, second, third] = await (await stream('?types=TicketOpened')).events(3);
    const resumed = await stream(`?types=TicketOpened&after=0`, { 'Last-Event-ID': second!.id! });
    const [next] = await resumed.events(1);
    expect(next!.id).toBe(third!.id);
    expect(first!.id).not.toBe(next!.id);
  });

  it.each([
    ['Last-Event-ID', { 'Last-Event-ID': 'abc' }, ''],
    ['Last-Event-ID', { 'Last-Event-ID': '99999999' }, ''],
    ['after', {}, '?after=99999999'],
    ['types', {}, '?types=NoSuchEvent'],
  ])('refuses a bad %s with a JSON 400 before streaming', async (field, headers, query) => {
    const response = await fetch(`${api.baseUrl}/feed/stream${query}`, {
      headers: { Authorization: `Bearer ${TOKENS.service}`, ...headers },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ details: [{ field }] });
  });

  it('is for services and admins only', async () => {
    const refused = await fetch(`${api.baseUrl}/feed/stream`, {
      headers: { Authorization: `Bearer ${TOKENS.analyst}` },
    });
    expect(refused.status).toBe(403);
  });

  it('keeps an idle stream alive with a comment well within 15 s', async () => {
    const reader = await stream('?types=SlaBreached');
    const opening = await reader.next();
    expect(opening.comments).toEqual(['chronicle change feed']);
    const started = Date.now();
    const keepAlive = await reader.next();
    expect(keepAlive).toEqual({ comments: ['keep-alive'] });
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 20_000);

  it('holds no more than a socket buffer for a reader that stops reading, and loses nothing', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    const connections = api.app.get(FeedConnections);
    const from = await store.headPosition();
    const unread = await UnreadStream.open(
      api.baseUrl,
      `/feed/stream?after=${from}`,
      TOKENS.service,
    );
    // 2,000 events of 8 KiB: 16 MiB, several times what the loopback socket buffers hold.
    const filler = 'x'.repeat(8 * 1024);
    for (let round = 0; round < 20; round += 1) {
      const batch = Array.from({ length: 100 }, () => anEvent('BulkImported', { filler }));
      await store.append(`bulk-${round}`, batch, 'any');
    }
    await eventually(() => connections.figures().waitingForReader === 1, 'the stream to stall');
    const stalled = connections.figures();
    expect(stalled.bufferedBytes).toBeLessThan(64 * 1024);

    const ids = await unread.resumeUntil(2000);
    unread.close();
    const expected = (await store.readAll({ after: from })).map((event) => event.position);
    expect(ids).toEqual(expected);
  }, 60_000);
});
