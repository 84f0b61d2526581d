import { exampleCommandPayloads as examples } from '@chronicle/application';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { ApiHarness, TOKENS, type ApiResponse } from '../src/commands/testing/api-harness';

type ErrorBody = { statusCode: number; code: string; message: string; details?: unknown };

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe('POST /commands/{type}: refusals answer their CONTRACT code and append nothing', () => {
  let api: ApiHarness;
  let eventStore: EventStore;

  beforeAll(async () => {
    api = await ApiHarness.start();
    eventStore = api.app.get<EventStore>(EVENT_STORE);
    const { customFields: _, ...contact } = examples.RegisterContact;
    await api.accepted('RegisterContact', contact);
    await api.accepted('OpenTicket', examples.OpenTicket);
    await api.accepted('CloseTicket', examples.CloseTicket);
  });

  afterAll(async () => {
    await api.close();
  });

  /** Sends, and proves that the store's head did not move. */
  async function refused(send: () => Promise<ApiResponse>): Promise<ApiResponse<ErrorBody>> {
    const before = await eventStore.headPosition();
    const response = (await send()) as ApiResponse<ErrorBody>;
    expect(await eventStore.headPosition()).toBe(before);
    expect(response.body.statusCode).toBe(response.status);
    return response;
  }

  it.each(['NoSuchCommand', 'toString', '__proto__', 'registercontact'])(
    'answers an unknown command type (%s) with 404 UNKNOWN_COMMAND',
    async (type) => {
      const response = await refused(() => api.send(type, { contactId: 'C-1' }));

      expect(response.status).toBe(404);
      expect(response.body.code).toBe('UNKNOWN_COMMAND');
    },
  );

  it('answers a payload of wrong types with 400 VALIDATION_FAILED and details per field', async () => {
    const body = { ...examples.OpenDeal, dealId: 'D-9', amount: '12000', probability: 2 };
    const response = await refused(() => api.send('OpenDeal', body));

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { field: 'amount', problems: [expect.any(String)] },
        { field: 'probability', problems: [expect.any(String)] },
      ]),
    );
  });

  // The global ValidationPipe would strip it silently if it touched the untyped body.
  it('answers an unknown field with 400 naming it', async () => {
    const body = { ...examples.AssignContactOwner, nickname: 'Ada' };
    const response = await refused(() => api.send('AssignContactOwner', body));

    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'nickname', problems: [expect.any(String)] }]);
  });

  it('answers a missing field, a non-object body and malformed JSON with 400', async () => {
    const missing = await refused(() => api.send('AssignContactOwner', { contactId: 'C-1' }));
    const array = await refused(() =>
      api.send('AssignContactOwner', [examples.AssignContactOwner]),
    );
    const malformed = await refused(() =>
      api.send('AssignContactOwner', null, { raw: '{"contactId":' }),
    );

    expect(missing.body.details).toEqual([
      { field: 'ownerId', problems: expect.any(Array) as unknown },
    ]);
    expect([array.status, malformed.status]).toEqual([400, 400]);
  });

  it('answers an occurredAt more than 5 minutes ahead with 400', async () => {
    const body = { ...examples.RecordConsent, occurredAt: inAnHour() };
    const response = await refused(() => api.send('RecordConsent', body));

    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { field: 'occurredAt', problems: [expect.any(String)] },
    ]);
  });

  it('answers a command on an entity that does not exist with 404 NOT_FOUND', async () => {
    const response = await refused(() =>
      api.send('AssignTicket', { ...examples.AssignTicket, ticketId: 'T-404' }),
    );

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('answers a create for an existing id with a different body with 409 ALREADY_EXISTS', async () => {
    const body = { contactId: 'C-1', firstName: 'Someone else' };
    const response = await refused(() => api.send('RegisterContact', body));

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('ALREADY_EXISTS');
  });

  it('answers closing a closed ticket with 422 RULE_VIOLATED', async () => {
    const response = await refused(() => api.send('CloseTicket', examples.CloseTicket));

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'RULE_VIOLATED',
      message: expect.any(String) as unknown,
    });
  });

  it('answers an If-Match the target stream is not at with 409 CONCURRENCY_CONFLICT', async () => {
    const response = await refused(() =>
      api.send('RecordConsent', examples.RecordConsent, { headers: { 'If-Match': '7' } }),
    );

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CONCURRENCY_CONFLICT');
  });

  it.each([
    ['Idempotency-Key', 'has spaces'],
    ['Idempotency-Key', '12345'],
    ['Idempotency-Key', 'k'.repeat(101)],
    ['If-Match', '"3"'],
    ['If-Match', '-1'],
    ['If-Match', '03'],
  ])('answers a malformed %s header (%s) with 400 naming it', async (header, value) => {
    const response = await refused(() =>
      api.send('RecordConsent', examples.RecordConsent, { headers: { [header]: value } }),
    );

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: header, problems: [expect.any(String)] }],
    });
  });

  it('lets only an admin erase personal data: 403 FORBIDDEN for a service', async () => {
    const erase = examples.EraseContactPersonalData;
    const response = await refused(() => api.send('EraseContactPersonalData', erase));

    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('refuses commands from a key without the service role (403) or without a key (401)', async () => {
    const analyst = await refused(() =>
      api.send('RecordConsent', examples.RecordConsent, { token: TOKENS.analyst }),
    );
    const anonymous = await refused(() =>
      api.send('RecordConsent', examples.RecordConsent, { token: '' }),
    );

    expect([analyst.status, anonymous.status]).toEqual([403, 401]);
  });
});
