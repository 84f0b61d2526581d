import { exampleCommandPayloads as examples } from '@chronicle/application';
import { ApiHarness, type CommandAnswer, TOKENS } from '../src/commands/testing/api-harness';

// Idempotency-Keys belong to the API key that sent them: the same key from two callers names two
// commands, and neither can read or replay the other's answer. A 409 says where the stream is.
describe('Idempotency-Keys scoped per caller, and 409 details, over HTTP', () => {
  let api: ApiHarness;
  const consent = (source: string) => ({ ...examples.RecordConsent, source });
  const withKey = (token: string) => ({ token, headers: { 'Idempotency-Key': 'shared-key-1' } });

  beforeAll(async () => {
    api = await ApiHarness.start();
    const { customFields: _, ...contact } = examples.RegisterContact;
    await api.accepted('RegisterContact', contact);
  });

  afterAll(async () => {
    await api.close();
  });

  it('runs the same key from two API keys as two commands, each replaying only its own', async () => {
    const first = await api.accepted('RecordConsent', consent('form'), withKey(TOKENS.service));
    const second = await api.accepted('RecordConsent', consent('call'), withKey(TOKENS.admin));
    const replays = await Promise.all([
      api.send<CommandAnswer>('RecordConsent', consent('form'), withKey(TOKENS.service)),
      api.send<CommandAnswer>('RecordConsent', consent('call'), withKey(TOKENS.admin)),
    ]);

    expect([first.commandId, second.commandId]).toEqual(['shared-key-1', 'shared-key-1']);
    expect(second.events[0]!.eventId).not.toBe(first.events[0]!.eventId);
    expect(replays.map(({ status, body }) => [status, body])).toEqual([
      [201, first],
      [201, second],
    ]);
    const stored = await api.streamEvents('contact-C-1');
    expect(stored.filter(({ metadata }) => metadata.commandId === 'shared-key-1')).toHaveLength(2);
  });

  it('answers 409 CONCURRENCY_CONFLICT with the stream, the expected and the actual revision', async () => {
    const head = (await api.streamEvents('contact-C-1')).at(-1)!.revision;
    const response = await api.send('RecordConsent', consent('x'), {
      headers: { 'If-Match': String(head + 5) },
    });

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'CONCURRENCY_CONFLICT',
      details: { streamId: 'contact-C-1', expectedRevision: head + 5, actualRevision: head },
    });
  });
});
