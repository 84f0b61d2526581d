import { exampleCommandPayloads as examples } from '@chronicle/application';
import { ApiHarness, TOKENS, type StoredEvent } from '../src/commands/testing/api-harness';

describe('GET /audit/streams/{streamId}', () => {
  let api: ApiHarness;
  const auditStream = (query: string, token: string = TOKENS.auditor) =>
    api.request<{ events: StoredEvent[] }>(`/audit/streams/ticket-T-1${query}`, { token });

  beforeAll(async () => {
    api = await ApiHarness.start();
    const { customFields: _, ...contact } = examples.RegisterContact;
    await api.accepted('RegisterContact', contact);
    await api.accepted('OpenTicket', examples.OpenTicket);
    await api.accepted('AssignTicket', examples.AssignTicket);
    await api.accepted('RespondToTicket', examples.RespondToTicket);
  });

  afterAll(async () => {
    await api.close();
  });

  it('is for auditors (and admins): a service or analyst key gets 403', async () => {
    const statuses = await Promise.all(
      [TOKENS.service, TOKENS.analyst, TOKENS.auditor, TOKENS.admin].map(
        async (token) => (await auditStream('', token)).status,
      ),
    );

    expect(statuses).toEqual([403, 403, 200, 200]);
  });

  it('lists the events with revision, position, store time, hash, metadata and decrypted data', async () => {
    const { body } = await auditStream('');

    expect(body.events.map(({ type, revision }) => [revision, type])).toEqual([
      [0, 'TicketOpened'],
      [1, 'TicketAssigned'],
      [2, 'TicketResponded'],
    ]);
    expect(body.events[0]).toEqual({
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      type: 'TicketOpened',
      streamId: 'ticket-T-1',
      revision: 0,
      position: expect.stringMatching(/^[0-9]+$/) as unknown,
      data: expect.objectContaining({ subject: examples.OpenTicket.subject }) as unknown,
      metadata: expect.objectContaining({ schemaVersion: 1 }) as unknown,
      storedAt: expect.any(String) as unknown,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
  });

  it('pages with from (a revision, inclusive) and limit', async () => {
    const { body } = await auditStream('?from=1&limit=1');

    expect(body.events.map(({ revision }) => revision)).toEqual([1]);
  });

  it('answers a stream that does not exist with no events', async () => {
    const response = await api.request<{ events: StoredEvent[] }>('/audit/streams/ticket-T-404', {
      token: TOKENS.auditor,
    });

    expect(response).toMatchObject({ status: 200, body: { events: [] } });
  });

  it.each([
    '?limit=0',
    '?limit=1001',
    '?limit=ten',
    '?from=-1',
    '?from=1.5',
    '?after=3',
    '?from=1&from=2',
  ])('answers a bad query (%s) with 400 VALIDATION_FAILED', async (query) => {
    const response = await auditStream(query);

    expect(response).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });
});
