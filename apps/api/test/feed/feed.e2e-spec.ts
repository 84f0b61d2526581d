import { ApiHarness, TOKENS } from '../../src/commands/testing/api-harness';

interface FeedEventBody {
  eventId: string;
  type: string;
  streamId: string;
  revision: number;
  position: string;
  occurredAt: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

interface FeedBody {
  events: FeedEventBody[];
  next: string;
  head: string;
}

describe('GET /feed', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });

  afterAll(() => api.close());

  const feed = (query: string, token: string = TOKENS.service) =>
    api.request<FeedBody>(`/feed${query}`, { token });

  async function page(query: string): Promise<FeedBody> {
    const { status, body } = await feed(query);
    if (status !== 200) throw new Error(`GET /feed${query} answered ${status}`);
    return body;
  }

  it('pages through the events in global order with personal fields in clear', async () => {
    const registered = await api.accepted('RegisterContact', {
      contactId: 'C-FEED-1',
      firstName: 'Ada',
      email: 'ada@feed.example',
      occurredAt: '2025-03-01T09:00:00Z',
    });
    await api.accepted('OpenTicket', {
      ticketId: 'T-FEED-1',
      contactId: 'C-FEED-1',
      subject: 'Printer on fire',
      priority: 'high',
      channel: 'email',
    });
    const first = await page('?limit=1');
    expect(first.events).toHaveLength(1);
    expect(first.events[0]).toEqual({
      eventId: registered.events[0]!.eventId,
      type: 'ContactRegistered',
      streamId: 'contact-C-FEED-1',
      revision: 0,
      position: registered.position,
      occurredAt: '2025-03-01T09:00:00.000Z',
      recordedAt: expect.any(String) as unknown,
      data: expect.objectContaining({ firstName: 'Ada', email: 'ada@feed.example' }) as unknown,
      metadata: expect.objectContaining({
        commandId: registered.commandId,
        occurredAt: '2025-03-01T09:00:00.000Z',
      }) as unknown,
    });
    expect(first.next).toBe(registered.position);
    const second = await page(`?after=${first.next}&limit=10`);
    expect(second.events.map((event) => event.type)).toEqual(['TicketOpened']);
    expect(second.events[0]!.data.subject).toBe('Printer on fire');
    expect(second.next).toBe(second.head);
    expect(await page(`?after=${second.next}`)).toEqual({
      events: [],
      next: second.head,
      head: second.head,
    });
  });

  it('filters by exact types and stream prefix, moving next past what it left out', async () => {
    const { head } = await page('?limit=1');
    await api.accepted('OpenDeal', {
      dealId: 'D-FEED-1',
      name: 'Feed deal',
      amount: 10,
      currency: 'EUR',
      stage: 'discovery',
      channel: 'online',
      ownerId: 'U-1',
    });
    const opened = await api.accepted('OpenTicket', {
      ticketId: 'T-FEED-2',
      contactId: 'C-FEED-1',
      subject: 'Second',
      priority: 'low',
      channel: 'chat',
    });
    const tickets = await page(`?after=${head}&types=TicketOpened,TicketClosed`);
    expect(tickets.events.map((event) => event.streamId)).toEqual(['ticket-T-FEED-2']);
    const deals = await page(`?after=${head}&streamPrefix=deal-`);
    expect(deals.events.map((event) => event.type)).toEqual(['DealOpened']);
    expect(deals.next).toBe(opened.position);
  });

  it('long-polls until the first matching event is stored', async () => {
    const { head } = await page('?limit=1');
    const waiting = feed(`?after=${head}&types=TicketClosed&wait=20`);
    await api.accepted('AssignTicket', { ticketId: 'T-FEED-2', agentId: 'A-1' });
    const closed = await api.accepted('CloseTicket', { ticketId: 'T-FEED-2' });
    const { status, body } = await waiting;
    expect(status).toBe(200);
    expect(body.events.map((event) => event.position)).toEqual([closed.position]);
    expect(body.next).toBe(closed.position);
  });

  it('serves an erased subject’s personal fields as [erased], in old events too', async () => {
    const registered = await api.accepted('RegisterContact', {
      contactId: 'C-FEED-ERASED',
      firstName: 'Grace',
      email: 'grace@feed.example',
    });
    const after = String(BigInt(registered.position) - 1n);
    expect((await page(`?after=${after}&limit=1`)).events[0]!.data.email).toBe(
      'grace@feed.example',
    );
    await api.accepted(
      'EraseContactPersonalData',
      { contactId: 'C-FEED-ERASED', reason: 'request' },
      { token: TOKENS.admin },
    );
    const [event] = (await page(`?after=${after}&limit=1`)).events;
    expect(event!.data).toMatchObject({
      contactId: 'C-FEED-ERASED',
      firstName: '[erased]',
      email: '[erased]',
    });
  });

  it.each([
    ['after', '?after=abc'],
    ['after', '?after=-1'],
    ['after', '?after=007'],
    ['limit', '?limit=0'],
    ['limit', '?limit=5000'],
    ['wait', '?wait=31'],
    ['types', '?types=TicketOpen'],
    ['types', '?types=TicketOpened,,TicketClosed'],
    ['tpyes', '?tpyes=TicketOpened'],
  ])('refuses a bad %s (%s) with 400 naming it', async (field, query) => {
    const { status, body } = await feed(query);
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field }) as unknown],
    });
  });

  it('refuses an after beyond the head instead of waiting for it', async () => {
    const { head } = await page('?limit=1');
    const beyond = String(BigInt(head) + 1000n);
    const { status, body } = await feed(`?after=${beyond}&wait=30`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ details: [{ field: 'after' }] });
  });

  it('is for services and admins only', async () => {
    expect((await feed('', TOKENS.analyst)).status).toBe(403);
    expect((await feed('', TOKENS.auditor)).status).toBe(403);
    expect((await feed('', TOKENS.admin)).status).toBe(200);
    expect((await api.request('/feed', {})).status).toBe(401);
  });
});
