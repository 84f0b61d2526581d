import { EventStoreUnavailableError } from '@chronicle/event-store';
import { ChronicleError } from '@chronicle/platform';
import { commandJobFailure, commandRequestOf } from './command-job';

const job = (data: unknown, id?: string) => ({
  id,
  name: 'OpenTicket',
  data,
  timestamp: 1700000000000,
});

describe('command jobs', () => {
  it('takes the job id as the idempotency key, scoped by the queue, and the producer as a service actor', () => {
    expect(
      commandRequestOf(job({ payload: { ticketId: 'T-1' }, actor: 'desk' }, 'open-T-1')),
    ).toEqual({
      type: 'OpenTicket',
      body: { ticketId: 'T-1' },
      idempotencyKey: 'open-T-1',
      idempotencyScope: 'queue:chronicle-commands',
      correlationId: 'chronicle-commands.open-T-1',
      actor: { id: 'desk', roles: ['service'] },
    });
  });

  it('names a job without a custom id by its id and creation time, so its retries match', () => {
    expect(commandRequestOf(job({ payload: {}, actor: 'desk' }, '17')).idempotencyKey).toBe(
      'job-17-1700000000000',
    );
  });

  it.each([
    ['no actor', { payload: {} }, 'open-1', 'actor'],
    [
      'a key other than the job id',
      { payload: {}, actor: 'a', idempotencyKey: 'other' },
      'open-1',
      'idempotencyKey',
    ],
    [
      'a bad revision',
      { payload: {}, actor: 'a', expectedRevision: -1 },
      'open-1',
      'expectedRevision',
    ],
    ['a job id unfit as a key', { payload: {}, actor: 'a' }, 'a b', 'jobId'],
  ])('refuses a job with %s as VALIDATION_FAILED', (_, data, id, field) => {
    let refusal: unknown;
    try {
      commandRequestOf(job(data, id));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field }] });
  });

  it('retries only transient failures', () => {
    expect(commandJobFailure(new ChronicleError('RULE_VIOLATED', 'closed')).retry).toBe(false);
    expect(commandJobFailure(new ChronicleError('CONCURRENCY_CONFLICT', 'moved')).retry).toBe(
      false,
    );
    expect(commandJobFailure(new EventStoreUnavailableError('down'))).toMatchObject({
      retry: true,
      body: { statusCode: 503, code: 'UNAVAILABLE' },
    });
  });
});
