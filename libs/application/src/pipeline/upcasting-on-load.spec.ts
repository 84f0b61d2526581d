import { randomUUID } from 'node:crypto';
import { sealValue } from '../privacy/field-sealing';
import { PipelineFixture, SCOPE, SERVICE } from './testing/pipeline-fixture';

// The command side folds old event shapes through the same upcasters as audit reads: a contact
// registered before schema versions existed, with one sealed `name`, folds as firstName/lastName.
describe('upcasting when the pipeline loads a stream', () => {
  let fixture: PipelineFixture;
  beforeEach(() => {
    fixture = PipelineFixture.open();
  });
  afterEach(() => fixture.close());

  async function appendLegacyRegistration(): Promise<void> {
    const key = await fixture.keyStore.keyFor('C-1');
    await fixture.eventStore.append(
      'contact-C-1',
      [
        {
          eventId: randomUUID(),
          type: 'ContactRegistered',
          data: {
            contactId: 'C-1',
            name: sealValue(key, { subjectId: 'C-1', field: 'name' }, 'Ada Lovelace'),
            lifecycleStage: 'lead',
            leadStatus: 'new',
          },
          metadata: { occurredAt: '2020-01-01T00:00:00.000Z' },
        },
      ],
      'no_stream',
    );
  }

  it('treats a repeat of the registration in the new shape as the same registration', async () => {
    await appendLegacyRegistration();

    const repeat = await fixture.pipeline.execute({
      type: 'RegisterContact',
      body: { contactId: 'C-1', firstName: 'Ada', lastName: 'Lovelace' },
      correlationId: 'c-1',
      actor: SERVICE,
      idempotencyScope: SCOPE,
    });

    // Folded without the upcast, the stored registration would have no name and differ: 409.
    expect(repeat.events).toEqual([]);
    expect(repeat.revision).toBe(0);
  });
});
