import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventStoreUnavailableError, type EventStore } from '@chronicle/event-store';
import { exampleCommandPayloads as examples } from '../commands/command-examples';
import { interceptAppends, PipelineFixture, SERVICE } from './testing/pipeline-fixture';

const { customFields: _, ...contact } = examples.RegisterContact;
const consent = (source: string) => ({ ...examples.RecordConsent, source });

describe('CommandPipeline', () => {
  let fixture: PipelineFixture;

  beforeEach(async () => {
    fixture = PipelineFixture.open();
    await fixture.send('RegisterContact', contact);
  });

  afterEach(async () => {
    await fixture.close();
  });

  it('appends what decide returns, sealed, with metadata derived from the command', async () => {
    const result = await fixture.send('RecordConsent', consent('form'), {
      idempotencyKey: 'consent-1',
      correlationId: 'corr-9',
    });
    const [stored] = await fixture.eventStore.readStream('contact-C-1', { fromRevision: 1 });

    expect(result).toEqual({
      commandId: 'consent-1',
      streamId: 'contact-C-1',
      revision: 1,
      position: stored!.position,
      events: [{ eventId: stored!.eventId, type: 'ConsentRecorded' }],
    });
    expect(stored!.metadata).toEqual({
      commandId: 'consent-1',
      correlationId: 'corr-9',
      causationId: 'consent-1',
      actor: { id: SERVICE.id, roles: ['service'] },
      occurredAt: expect.any(String) as unknown,
      recordedAt: expect.any(String) as unknown,
      schemaVersion: 1,
    });
  });

  it('records business time from occurredAt, normalised to UTC', async () => {
    await fixture.send('RecordConsent', {
      ...consent('import'),
      occurredAt: '2024-01-02T03:04:05+02:00',
    });
    const [stored] = await fixture.eventStore.readStream('contact-C-1', { fromRevision: 1 });

    expect(stored!.metadata.occurredAt).toBe('2024-01-02T01:04:05.000Z');
  });

  it('answers a decision without events with the current revision and last position', async () => {
    const registered = await fixture.eventStore.readStream('contact-C-1');
    const result = await fixture.send('RegisterContact', contact);

    expect(result).toMatchObject({
      streamId: 'contact-C-1',
      revision: 0,
      position: registered[0]!.position,
      events: [],
    });
  });

  it('reads only the events after its cached fold of a stream', async () => {
    const reads: Array<number | undefined> = [];
    const eventStore = new Proxy(fixture.eventStore, {
      get(target, property, receiver) {
        if (property !== 'readStream') return Reflect.get(target, property, receiver) as unknown;
        const readStream: EventStore['readStream'] = (streamId, options) => {
          if (streamId === 'contact-C-1') reads.push(options?.fromRevision);
          return target.readStream(streamId, options);
        };
        return readStream;
      },
    });
    const pipeline = fixture.newPipeline({ eventStore });
    for (const source of ['a', 'b', 'c'])
      await fixture.send('RecordConsent', consent(source), {}, pipeline);

    expect(reads).toEqual([0, 2, 3]);
  });

  it('decides again on the new state when another process appends first', async () => {
    const other = fixture.newPipeline();
    const eventStore = interceptAppends(fixture.eventStore, async (_stream, call) => {
      if (call === 1)
        await fixture.send('AssignContactOwner', { contactId: 'C-1', ownerId: 'U-2' }, {}, other);
    });
    const pipeline = fixture.newPipeline({ eventStore });

    const result = await fixture.send(
      'AssignContactOwner',
      { contactId: 'C-1', ownerId: 'U-3' },
      {},
      pipeline,
    );
    const owners = await fixture.eventStore.readStream('contact-C-1', { fromRevision: 1 });

    expect(result.revision).toBe(2);
    expect(owners.map(({ data }) => [data.previousOwnerId, data.ownerId])).toEqual([
      ['U-7', 'U-2'],
      ['U-2', 'U-3'],
    ]);
  });

  it('does not retry a command pinned with If-Match: CONCURRENCY_CONFLICT, nothing appended', async () => {
    const other = fixture.newPipeline();
    const eventStore = interceptAppends(fixture.eventStore, async (_stream, call) => {
      if (call === 1) await fixture.send('RecordConsent', consent('other'), {}, other);
    });
    const pipeline = fixture.newPipeline({ eventStore });

    await expect(
      fixture.send('RecordConsent', consent('mine'), { expectedRevision: 0 }, pipeline),
    ).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    const stored = await fixture.eventStore.readStream('contact-C-1');
    expect(stored.map(({ type, data }) => [type, data.source])).toEqual([
      ['ContactRegistered', 'webinar'],
      ['ConsentRecorded', 'other'],
    ]);
  });

  it('passes the store being unavailable on, appending nothing', async () => {
    const eventStore = interceptAppends(fixture.eventStore, () =>
      Promise.reject(new EventStoreUnavailableError('disk full')),
    );
    const pipeline = fixture.newPipeline({ eventStore });
    const head = await fixture.eventStore.headPosition();

    await expect(fixture.send('RecordConsent', consent('x'), {}, pipeline)).rejects.toMatchObject({
      code: 'EVENT_STORE_UNAVAILABLE',
    });
    expect(await fixture.eventStore.headPosition()).toBe(head);
  });

  it('finds duplicates through the identity index, which holds no plaintext', async () => {
    const result = await fixture.send('RegisterContact', {
      contactId: 'C-2',
      email: 'ADA@Example.com',
      phone: '+44 (20) 7946-0958',
    });

    expect(result.events.map(({ type }) => type)).toEqual([
      'ContactRegistered',
      'DuplicateSuspected',
      'DuplicateSuspected',
    ]);
    const [, ...suspected] = await fixture.eventStore.readStream('contact-C-2');
    expect(suspected.map(({ data }) => data)).toEqual([
      { contactId: 'C-2', duplicateOfContactId: 'C-1', matchedOn: 'email' },
      { contactId: 'C-2', duplicateOfContactId: 'C-1', matchedOn: 'phone' },
    ]);
    const indexFiles = ['command-side.sqlite', 'command-side.sqlite-wal'].map((name) =>
      readFileSync(join(fixture.dataDir, name)),
    );
    for (const bytes of indexFiles) {
      expect(bytes.includes('ada@example.com') || bytes.includes('442079460958')).toBe(false);
    }
  });

  it('keeps an erased contact out of the identity index and its keys shredded', async () => {
    await fixture.send('EraseContactPersonalData', examples.EraseContactPersonalData, {
      actor: { id: 'key:admin', roles: ['admin'] },
    });
    const result = await fixture.send('RegisterContact', {
      contactId: 'C-2',
      email: 'ada@example.com',
    });

    expect(result.events.map(({ type }) => type)).toEqual(['ContactRegistered']);
    await expect(fixture.keyStore.existingKey('C-1')).resolves.toBe('erased');
  });
});
