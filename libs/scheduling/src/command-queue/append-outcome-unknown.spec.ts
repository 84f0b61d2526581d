import { AppendOutcomeUnknownError } from '@chronicle/event-store';
import { commandJobFailure } from './command-job';

describe('a command whose append outcome is unknown', () => {
  const error = new AppendOutcomeUnknownError(
    'ticket-T-1',
    'Append to ticket-T-1 on EventStoreDB at esdb://ops:***@db-7:2113: no answer came',
  );

  it('answers 503 UNAVAILABLE, saying the command may be stored and a retry with its key is safe', () => {
    const { body } = commandJobFailure(error);
    expect(body).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
    expect(body.message).toMatch(/may have been stored/);
    expect(body.message).toMatch(/same Idempotency-Key is safe/);
    expect(body.message).not.toMatch(/db-7|nothing was written/);
  });

  it('is retried by the queue worker (the job id is the key, so the retry is recognised)', () => {
    expect(commandJobFailure(error).retry).toBe(true);
  });
});
