import { EventStoreUnavailableError } from '@chronicle/event-store';
import { exampleCommandPayloads as examples } from '../commands/command-examples';
import { interceptAppends, PipelineFixture } from './testing/pipeline-fixture';

const { customFields: _, ...contact } = examples.RegisterContact;
const consent = (source: string) => ({ ...examples.RecordConsent, source });

describe('CommandPipeline: Idempotency-Keys scoped per caller', () => {
  let fixture: PipelineFixture;
  const from = (idempotencyScope: string) => ({ idempotencyKey: 'same-key', idempotencyScope });

  beforeEach(async () => {
    fixture = PipelineFixture.open();
    await fixture.send('RegisterContact', contact);
    await fixture.send('OpenTicket', examples.OpenTicket);
  });

  afterEach(async () => {
    await fixture.close();
  });

  it('runs the same key from two callers as two commands, each answered its own', async () => {
    const first = await fixture.send('RecordConsent', consent('a'), from('http:caller-a'));
    const second = await fixture.send('RecordConsent', consent('b'), from('http:caller-b'));
    const replayed = await fixture.send('RecordConsent', consent('b'), from('http:caller-b'));

    expect([first.commandId, second.commandId]).toEqual(['same-key', 'same-key']);
    expect(second.events[0]!.eventId).not.toBe(first.events[0]!.eventId);
    expect([first.revision, second.revision]).toEqual([1, 2]);
    expect(replayed).toEqual(second);
    const stored = await fixture.eventStore.readStream('contact-C-1', { fromRevision: 1 });
    expect(stored.map(({ data, metadata }) => [data.source, metadata.commandId])).toEqual([
      ['a', 'same-key'],
      ['b', 'same-key'],
    ]);
  });

  it('lets no caller read another caller’s answer, nor be refused for its body', async () => {
    await fixture.send('RecordConsent', consent('a'), from('http:caller-a'));

    const other = await fixture.send(
      'RecordConsent',
      consent('b'),
      from('queue:chronicle-commands'),
    );

    expect(other.events).toHaveLength(1);
  });

  it('never takes another caller’s events with the same key for its own when resuming', async () => {
    // Caller B's first try stores its marker, then its append fails.
    const failing = interceptAppends(fixture.eventStore, () =>
      Promise.reject(new EventStoreUnavailableError('lost the disk')),
    );
    await expect(
      fixture.send(
        'CloseTicket',
        examples.CloseTicket,
        from('http:caller-b'),
        fixture.newPipeline({ eventStore: failing }),
      ),
    ).rejects.toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE' });
    // Meanwhile caller A closes the ticket under the same key.
    await fixture.send('CloseTicket', examples.CloseTicket, from('http:caller-a'));

    // B's retry looks for its own earlier events: A's are not, so B is decided on a closed ticket.
    await expect(
      fixture.send('CloseTicket', examples.CloseTicket, from('http:caller-b')),
    ).rejects.toMatchObject({ code: 'RULE_VIOLATED' });
    expect(await fixture.eventStore.readStream('ticket-T-1')).toHaveLength(2);
  });
});

describe('CommandPipeline: CONCURRENCY_CONFLICT details', () => {
  let fixture: PipelineFixture;

  beforeEach(async () => {
    fixture = PipelineFixture.open();
    await fixture.send('RegisterContact', contact);
  });

  afterEach(async () => {
    await fixture.close();
  });

  it('names the stream, the revision expected and the revision it is at', async () => {
    await expect(
      fixture.send('RecordConsent', consent('x'), { expectedRevision: 7 }),
    ).rejects.toMatchObject({
      code: 'CONCURRENCY_CONFLICT',
      details: { streamId: 'contact-C-1', expectedRevision: 7, actualRevision: 0 },
    });
  });

  it('gives the revision another process left when it overtook the command', async () => {
    const other = fixture.newPipeline();
    const eventStore = interceptAppends(fixture.eventStore, async (_stream, call) => {
      if (call === 1) await fixture.send('RecordConsent', consent('other'), {}, other);
    });
    const pipeline = fixture.newPipeline({ eventStore });

    await expect(
      fixture.send('RecordConsent', consent('mine'), { expectedRevision: 0 }, pipeline),
    ).rejects.toMatchObject({
      details: { streamId: 'contact-C-1', expectedRevision: 0, actualRevision: 1 },
    });
  });

  it('gives null as the revision of a stream that has no event yet', async () => {
    await expect(
      fixture.send('OpenTicket', examples.OpenTicket, { expectedRevision: 0 }),
    ).rejects.toMatchObject({
      details: { streamId: 'ticket-T-1', expectedRevision: 0, actualRevision: null },
    });
  });
});
