import { exampleCommandPayloads as examples } from '@chronicle/application';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { ApiHarness, type CommandAnswer } from '../src/commands/testing/api-harness';

const consent = (source: string) => ({ ...examples.RecordConsent, source });

describe('POST /commands/{type}: idempotency and per-stream ordering', () => {
  let api: ApiHarness;
  let eventStore: EventStore;

  beforeAll(async () => {
    api = await ApiHarness.start();
    eventStore = api.app.get<EventStore>(EVENT_STORE);
    const { customFields: _, ...contact } = examples.RegisterContact;
    await api.accepted('RegisterContact', contact);
  });

  afterAll(async () => {
    await api.close();
  });

  it('answers a repeat with the same key exactly as the first time, appending nothing', async () => {
    const headers = { 'Idempotency-Key': 'consent-repeat-1' };
    const first = await api.accepted('RecordConsent', consent('repeat'), { headers });
    const head = await eventStore.headPosition();
    const again = await api.send('RecordConsent', consent('repeat'), { headers });

    expect(again).toMatchObject({ status: 201, body: first });
    expect(first.commandId).toBe('consent-repeat-1');
    expect(await eventStore.headPosition()).toBe(head);
  });

  it('refuses the same key with a different body: 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const headers = { 'Idempotency-Key': 'consent-reused-1' };
    await api.accepted('RecordConsent', consent('first'), { headers });
    const head = await eventStore.headPosition();
    const reused = await api.send('RecordConsent', consent('second'), { headers });
    const pinned = await api.send('RecordConsent', consent('first'), {
      headers: { ...headers, 'If-Match': '1' },
    });

    expect(reused).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(pinned).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await eventStore.headPosition()).toBe(head);
  });

  it('does not record refusals: the key can carry a corrected command afterwards', async () => {
    const headers = { 'Idempotency-Key': 'owner-after-typo' };
    const refused = await api.send(
      'AssignContactOwner',
      { contactId: 'C-404', ownerId: 'U-1' },
      {
        headers,
      },
    );
    const corrected = await api.send(
      'AssignContactOwner',
      { contactId: 'C-1', ownerId: 'U-1' },
      {
        headers,
      },
    );

    expect([refused.status, corrected.status]).toEqual([404, 201]);
  });

  it('runs 50 concurrent requests with one key once: one append, identical answers', async () => {
    const headers = { 'Idempotency-Key': 'ticket-burst-1' };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => api.send('OpenTicket', examples.OpenTicket, { headers })),
    );

    expect(answers.map(({ status }) => status)).toEqual(Array(50).fill(201));
    const bodies = new Set(answers.map(({ body }) => JSON.stringify(body)));
    expect(bodies.size).toBe(1);
    expect(await api.streamEvents('ticket-T-1')).toHaveLength(1);
  });

  it('orders 200 concurrent commands on one stream: all accepted, revisions without gaps', async () => {
    const stream = 'deal-D-1';
    await api.accepted('OpenDeal', examples.OpenDeal);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        api.send<CommandAnswer>('AdvanceDealStage', { dealId: 'D-1', stage: `stage-${i}` }),
      ),
    );

    expect(answers.filter(({ status }) => status !== 201)).toEqual([]);
    const revisions = answers.map(({ body }) => body.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const stored = await api.streamEvents(stream, '?limit=1000');
    expect(stored.map(({ revision }) => revision)).toEqual(
      Array.from({ length: 201 }, (_, i) => i),
    );
    // Each was decided on the state the one before left: previousStage chains them all.
    const stages = stored.slice(1).map(({ data }) => [data.previousStage, data.stage]);
    stages.forEach(([previous], i) => {
      expect(previous).toBe(i === 0 ? examples.OpenDeal.stage : stages[i - 1]![1]);
    });
  });

  it('lets exactly one of several commands pinned to the same revision through', async () => {
    const [contact] = await api
      .streamEvents('contact-C-1', '?from=0&limit=1000')
      .then((events) => events.slice(-1));
    const headers = { 'If-Match': String(contact!.revision) };
    const head = await eventStore.headPosition();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.send('AssignContactOwner', { contactId: 'C-1', ownerId: `U-${100 + i}` }, { headers }),
      ),
    );

    const statuses = answers.map(({ status }) => status).sort();
    expect(statuses).toEqual([201, ...Array<number>(9).fill(409)]);
    const appended = await eventStore.readAll({ after: head });
    expect(appended.map(({ type }) => type)).toEqual(['ContactOwnerAssigned']);
  });
});
