import { EventStoreUnavailableError } from '@chronicle/event-store';
import { exampleCommandPayloads as examples } from '../commands/command-examples';
import { scopedCommandId } from '../idempotency/scoped-key';
import { interceptAppends, PipelineFixture, SCOPE } from './testing/pipeline-fixture';

const { customFields: _, ...contact } = examples.RegisterContact;

/** What a crash right after the append leaves: the events, but only the in-progress marker. */
async function loseStoredAnswer(fixture: PipelineFixture, key: string): Promise<void> {
  const recordId = scopedCommandId(SCOPE, key);
  // The answer is recorded just after the command is answered.
  await fixture.commandSide.drain();
  const record = await fixture.commandSide.idempotency.get(recordId);
  await fixture.commandSide.idempotency.put(recordId, { ...record!, response: null });
}

describe('CommandPipeline: an interrupted command completed by its retry', () => {
  let fixture: PipelineFixture;

  beforeEach(async () => {
    fixture = PipelineFixture.open();
    await fixture.send('RegisterContact', contact);
    await fixture.send('OpenTicket', examples.OpenTicket);
  });

  afterEach(async () => {
    await fixture.close();
  });

  it('answers a retry after a crash between append and record as the first time', async () => {
    const key = 'close-T-1';
    const first = await fixture.send('CloseTicket', examples.CloseTicket, { idempotencyKey: key });
    await loseStoredAnswer(fixture, key);
    const restarted = fixture.newPipeline();

    // Decided again, closing a closed ticket would be refused: the retry must recognise its events.
    const retried = await fixture.send(
      'CloseTicket',
      examples.CloseTicket,
      { idempotencyKey: key },
      restarted,
    );

    expect(retried).toEqual(first);
    expect(await fixture.eventStore.readStream('ticket-T-1')).toHaveLength(2);
    await fixture.commandSide.drain();
    expect(await fixture.commandSide.idempotency.get(scopedCommandId(SCOPE, key))).toMatchObject({
      response: first,
    });
  });

  it('refuses another request under the key of an interrupted command that appended', async () => {
    const key = 'close-T-1';
    await fixture.send('CloseTicket', examples.CloseTicket, { idempotencyKey: key });
    await loseStoredAnswer(fixture, key);

    await expect(
      fixture.send(
        'CloseTicket',
        { ticketId: 'T-1' },
        { idempotencyKey: key },
        fixture.newPipeline(),
      ),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('completes a merge that failed between its two streams when retried with its key', async () => {
    await fixture.send('RegisterContact', { contactId: 'C-2', firstName: 'Augusta' });
    const failing = interceptAppends(fixture.eventStore, (streamId) =>
      streamId === 'contact-C-1'
        ? Promise.reject(new EventStoreUnavailableError('lost the disk'))
        : Promise.resolve(),
    );
    const merge = examples.MergeContacts;
    const options = { idempotencyKey: 'merge-C-2' };

    await expect(
      fixture.send('MergeContacts', merge, options, fixture.newPipeline({ eventStore: failing })),
    ).rejects.toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE' });
    const result = await fixture.send('MergeContacts', merge, options, fixture.newPipeline());

    const merged = async (streamId: string) =>
      (await fixture.eventStore.readStream(streamId)).filter(
        ({ type }) => type === 'ContactsMerged',
      );
    const [onDuplicate, onSurvivor] = [await merged('contact-C-2'), await merged('contact-C-1')];
    expect([onDuplicate.length, onSurvivor.length]).toEqual([1, 1]);
    expect(result).toMatchObject({
      streamId: 'contact-C-1',
      events: [{ eventId: onSurvivor[0]!.eventId, type: 'ContactsMerged' }],
    });
  });

  it('completes a merge another process interrupted between its streams, without a key', async () => {
    await fixture.send('RegisterContact', { contactId: 'C-2', firstName: 'Augusta' });
    const other = fixture.newPipeline();
    const racing = interceptAppends(fixture.eventStore, async (streamId) => {
      if (
        streamId === 'contact-C-1' &&
        (await fixture.eventStore.readStream(streamId)).length === 1
      ) {
        await fixture.send('RecordConsent', examples.RecordConsent, {}, other);
      }
    });

    const result = await fixture.send(
      'MergeContacts',
      examples.MergeContacts,
      {},
      fixture.newPipeline({ eventStore: racing }),
    );

    const survivor = await fixture.eventStore.readStream('contact-C-1');
    const duplicate = await fixture.eventStore.readStream('contact-C-2');
    expect(survivor.map(({ type }) => type)).toEqual([
      'ContactRegistered',
      'ConsentRecorded',
      'ContactsMerged',
    ]);
    expect(duplicate.map(({ type }) => type)).toEqual(['ContactRegistered', 'ContactsMerged']);
    expect(result.revision).toBe(2);
  });
});
