import { join } from 'node:path';
import Database from 'better-sqlite3';
import { exampleCommandPayloads as examples } from '@chronicle/application';
import { ApiHarness, TOKENS, type StoredEvent } from '../src/commands/testing/api-harness';
import { withOpenStaysOfAnyLength } from './support/open-stays';

interface Page {
  events: StoredEvent[];
  next?: string;
}

// C-1's story spans every kind of stream; C-2 is merged into it, and its deal is won after the
// merge; C-3 is a stranger whose events must never show up in C-1's history.
describe('GET /audit/customers/{contactId}/…', () => {
  let api: ApiHarness;
  let lastPosition = '0';
  const positions: Record<string, string> = {};
  let beforeTicket = '';

  const send = async (type: string, body: Record<string, unknown>, label = type) => {
    const answer = await api.accepted(type, body);
    lastPosition = answer.position;
    positions[label] = answer.position;
  };
  const audit = <T>(path: string, token: string = TOKENS.auditor) => {
    const separator = path.includes('?') ? '&' : '?';
    return api.request<T>(`/audit/customers/${path}${separator}minPosition=${lastPosition}`, {
      token,
    });
  };
  const allEvents = async (contactId: string): Promise<StoredEvent[]> =>
    (await audit<Page>(`${contactId}/events?limit=1000`)).body.events;

  beforeAll(async () => {
    api = await ApiHarness.start();
    const { customFields: _, ...contact } = examples.RegisterContact;
    await send('RegisterContact', contact, 'RegisterC1');
    await send('RegisterContact', { contactId: 'C-2', firstName: 'Augusta', source: 'import' });
    await send('RegisterContact', { contactId: 'C-3', firstName: 'Charles', source: 'web' });
    await send('OpenDeal', examples.OpenDeal);
    await send('OpenDeal', { ...examples.OpenDeal, dealId: 'D-2', contactId: 'C-2' }, 'OpenDeal-2');
    await send('OpenDeal', { ...examples.OpenDeal, dealId: 'D-3', contactId: 'C-3' }, 'OpenDeal-3');
    await send('RecordPurchase', examples.RecordPurchase);
    await send('LogInteraction', examples.LogInteraction);
    await send('RecordFeedback', { ...examples.RecordFeedback, ticketId: undefined });
    await send('RecordSurveyResponse', examples.RecordSurveyResponse);
    beforeTicket = new Date().toISOString();
    await send('OpenTicket', examples.OpenTicket);
    await send('RespondToTicket', examples.RespondToTicket);
    await send('MergeContacts', examples.MergeContacts);
    await send('WinDeal', { dealId: 'D-2', amount: 700 });
  });

  afterAll(async () => {
    await api.close();
  });

  it("lists every event of the customer's streams and its merged duplicate's, in global order", async () => {
    const events = await allEvents('C-1');

    expect(new Set(events.map(({ streamId }) => streamId))).toEqual(
      new Set([
        'contact-C-1',
        'contact-C-2',
        'deal-D-1',
        'deal-D-2',
        'order-O-1',
        'interaction-I-1',
        'feedback-FB-1',
        'survey-response-SR-1',
        'ticket-T-1',
      ]),
    );
    const order = events.map(({ position }) => BigInt(position));
    expect(order).toEqual([...order].sort((a, b) => (a < b ? -1 : 1)));
    expect(events.map(({ type }) => type)).toContain('DealWon');
    expect(events).toHaveLength(14);
  });

  it('shows full metadata and decrypted personal fields', async () => {
    const [registered] = await allEvents('C-1');

    expect(registered).toMatchObject({
      type: 'ContactRegistered',
      streamId: 'contact-C-1',
      revision: 0,
      data: { email: examples.RegisterContact.email, firstName: 'Ada' },
      storedAt: expect.any(String) as unknown,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
    expect(Object.keys(registered!.metadata).sort()).toEqual([
      'actor',
      'causationId',
      'commandId',
      'correlationId',
      'occurredAt',
      'recordedAt',
      'schemaVersion',
    ]);
  });

  it('pages by position: after + limit, with next until the last page', async () => {
    const everything = await allEvents('C-1');
    const paged: StoredEvent[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const { body } = await audit<Page>(`C-1/events?limit=4${after ? `&after=${after}` : ''}`);
      paged.push(...body.events);
      after = body.next;
      pages += 1;
    } while (after !== undefined);

    expect(pages).toBe(4);
    expect(paged).toEqual(everything);
  });

  it('exports the same events as NDJSON', async () => {
    const response = await fetch(`${api.baseUrl}/audit/customers/C-1/export`, {
      headers: { Authorization: `Bearer ${TOKENS.auditor}` },
    });
    const lines = (await response.text()).trimEnd().split('\n');

    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(await allEvents('C-1'));
  });

  it('answers an unknown contact with 404 NOT_FOUND on every route', async () => {
    const statuses = await Promise.all(
      ['events', 'export', 'state', 'verify'].map(
        async (route) => (await audit<{ code: string }>(`C-404/${route}`)).body.code,
      ),
    );

    expect(statuses).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
  });

  it('rebuilds the 360 as of a position, with the live view as the latest state', async () => {
    const atDeal = await audit<Record<string, unknown>>(
      `C-1/state?atPosition=${positions.OpenDeal}`,
    );
    const now = await audit<Record<string, unknown>>('C-1/state');
    const live = await api.request<Record<string, unknown>>(
      `/views/customers/C-1?minPosition=${lastPosition}`,
      { token: TOKENS.analyst },
    );

    expect(atDeal.body).toMatchObject({
      email: examples.RegisterContact.email,
      deals: { open: 1, won: 0, lost: 0 },
      purchases: { orders: 0 },
      openTickets: 0,
      mergedFrom: [],
      position: positions.OpenDeal,
    });
    // The live view's revision is the contact stream's, for If-Match; the as-of state has none.
    const { position: _live, segment: _a, revision: _revision, ...liveFigures } = live.body;
    const { position: _now, segment: _b, ...nowFigures } = now.body;
    expect(nowFigures).toEqual(withOpenStaysOfAnyLength(liveFigures));
    expect(nowFigures).toMatchObject({ openTickets: 1, mergedFrom: ['C-2'] });
  });

  it('rebuilds the 360 as of a store time (asOf): events stored by then', async () => {
    const { body } = await audit<Record<string, unknown>>(`C-1/state?asOf=${beforeTicket}`);

    expect(body).toMatchObject({
      openTickets: 0,
      interactions: { total: 3 },
      position: positions.RecordSurveyResponse,
    });
  });

  it('answers a contact not yet registered at that position with 404', async () => {
    const { status } = await audit(`C-3/state?atPosition=${positions.RegisterC1}`);

    expect(status).toBe(404);
  });

  it.each(['?atPosition=1&asOf=2025-01-01T00:00:00Z', '?asOf=yesterday', '?atPosition=-1'])(
    'answers a bad state query (%s) with 400',
    async (query) => {
      expect((await audit(`C-1/state${query}`)).status).toBe(400);
    },
  );

  it('is for auditors: service and analyst keys get 403, and auditors read nothing else', async () => {
    const asAuditor = await Promise.all([
      api.request('/views/customers/C-1', { token: TOKENS.auditor }),
      api.send('SetLeadStatus', examples.SetLeadStatus, { token: TOKENS.auditor }),
      api.request('/admin/projections', { token: TOKENS.auditor }),
    ]);
    const others = await Promise.all(
      [TOKENS.service, TOKENS.analyst].flatMap((token) =>
        ['events', 'export', 'state', 'verify'].map((route) => audit(`C-1/${route}`, token)),
      ),
    );

    expect(asAuditor.map(({ status }) => status)).toEqual([403, 403, 403]);
    expect(new Set(others.map(({ status }) => status))).toEqual(new Set([403]));
  });

  it('verifies every chain, and names the first altered revision after a byte changed', async () => {
    const untouched = await audit<{ ok: boolean; streams: unknown[] }>('C-1/verify');
    expect(untouched.body).toMatchObject({ ok: true });
    expect(untouched.body.streams).toHaveLength(9);
    expect(untouched.body.streams).toContainEqual({ streamId: 'ticket-T-1', events: 3, ok: true });

    // The lock is a separate file: the store itself can be written beside the running app.
    const db = new Database(join(api.dataDir, 'events.sqlite'), { timeout: 5000 });
    const changed = db
      .prepare(
        `UPDATE events SET data = replace(data, '"agentId":"A-1"', '"agentId":"A-2"') WHERE stream_id = 'ticket-T-1' AND revision = 1`,
      )
      .run();
    db.close();
    expect(changed.changes).toBe(1);

    const tampered = await audit<{ ok: boolean; streams: unknown[] }>('C-1/verify');
    expect(tampered.body.ok).toBe(false);
    expect(tampered.body.streams).toContainEqual({
      streamId: 'ticket-T-1',
      events: 3,
      ok: false,
      firstBadRevision: 1,
    });
    expect(tampered.body.streams.filter((stream) => !(stream as { ok: boolean }).ok)).toHaveLength(
      1,
    );
  });
});
