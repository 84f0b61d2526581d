import { type Job, Queue, QueueEvents } from 'bullmq';
import { deleteKeysWithPrefix } from '@chronicle/scheduling/bullmq';
import { QueueHarness } from '../src/queue/testing/queue-harness';
import { testRedisUrl, uniquePrefix } from '../../../libs/scheduling/src/testing/test-redis';

const redisUrl = testRedisUrl();
const connection = { url: redisUrl };

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
}

/** Waits for a job to finish: its return value, or its JSON error body when it failed. */
async function outcome(job: Job, events: QueueEvents): Promise<unknown> {
  try {
    return await job.waitUntilFinished(events, 10_000);
  } catch (error) {
    return JSON.parse((error as Error).message) as ErrorBody;
  }
}

describe('the command queue', () => {
  const prefix = uniquePrefix('commands');
  const queueName = 'commands-under-test';
  let api: QueueHarness;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    api = await QueueHarness.start({
      redisUrl,
      prefix,
      slaTimers: false,
      commandQueue: { queueName, prefix },
    });
    queue = new Queue(queueName, { connection, prefix });
    events = new QueueEvents(queueName, { connection, prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await queue.close();
    await api.close();
    await deleteKeysWithPrefix(redisUrl, prefix);
  });

  const register = (contactId: string) => ({
    payload: { contactId, email: `${contactId.toLowerCase()}@example.com` },
    actor: 'billing-service',
  });

  it('applies a queued command and leaves the 201 body on the job', async () => {
    const job = await queue.add('RegisterContact', register('Q-1'), { jobId: 'reg-Q-1' });
    const result = (await outcome(job, events)) as { commandId: string; streamId: string };
    expect(result).toMatchObject({ commandId: 'reg-Q-1', streamId: 'contact-Q-1', revision: 0 });
    const [event] = await api.eventsOf('contact-Q-1');
    expect(event!.metadata).toMatchObject({
      commandId: 'reg-Q-1',
      actor: { id: 'billing-service', roles: ['service'] },
    });
  });

  it('applies a command once, whether its job id is added twice or sent again later', async () => {
    const first = await queue.add('RegisterContact', register('Q-2'), { jobId: 'reg-Q-2' });
    await queue.add('RegisterContact', register('Q-2'), { jobId: 'reg-Q-2' });
    const answer = await outcome(first, events);
    await first.remove();
    const again = await queue.add('RegisterContact', register('Q-2'), { jobId: 'reg-Q-2' });
    expect(await outcome(again, events)).toEqual(answer);
    expect(await api.eventsOf('contact-Q-2')).toHaveLength(1);
  });

  it.each([
    [
      'a payload that fails validation',
      'RegisterContact',
      { payload: { contactId: 'Q-3' } },
      400,
      'VALIDATION_FAILED',
    ],
    ['an unknown command', 'LaunchRocket', { payload: {} }, 404, 'UNKNOWN_COMMAND'],
    ['a broken rule', 'ReopenTicket', { payload: { ticketId: 'nope' } }, 404, 'NOT_FOUND'],
    [
      'a job without an actor',
      'RegisterContact',
      { payload: register('Q-4').payload, actor: '' },
      400,
      'VALIDATION_FAILED',
    ],
  ])(
    'fails %s at once, whatever attempts the producer set',
    async (_, name, data, status, code) => {
      const job = await queue.add(
        name,
        { actor: 'crm-import', ...data },
        {
          jobId: `bad-${code}-${name}`,
          attempts: 5,
          backoff: { type: 'fixed', delay: 10 },
        },
      );
      expect(await outcome(job, events)).toMatchObject({ statusCode: status, code });
      const failed = await queue.getJob(job.id!);
      expect(failed?.attemptsMade).toBe(1);
      expect(await failed?.getState()).toBe('failed');
    },
  );

  it('refuses a rule violation with 422 and the same key with another body', async () => {
    await outcome(
      await queue.add('RegisterContact', register('Q-5'), { jobId: 'reg-Q-5' }),
      events,
    );
    const reused = await queue.add(
      'RegisterContact',
      {
        ...register('Q-5'),
        payload: { contactId: 'Q-5', email: 'other@example.com' },
        idempotencyKey: 'reg-Q-5-b',
      },
      { jobId: 'reg-Q-5-b' },
    );
    expect(await outcome(reused, events)).toMatchObject({ code: 'ALREADY_EXISTS' });
    await outcome(
      await queue.add(
        'OpenTicket',
        {
          actor: 'desk',
          payload: {
            ticketId: 'QT-1',
            contactId: 'Q-5',
            subject: 's',
            priority: 'low',
            channel: 'web',
          },
        },
        { jobId: 'open-QT-1' },
      ),
      events,
    );
    await outcome(
      await queue.add(
        'CloseTicket',
        { actor: 'desk', payload: { ticketId: 'QT-1' } },
        { jobId: 'close-QT-1' },
      ),
      events,
    );
    const closeAgain = await queue.add(
      'CloseTicket',
      { actor: 'desk', payload: { ticketId: 'QT-1' } },
      { jobId: 'close-QT-1-again' },
    );
    expect(await outcome(closeAgain, events)).toMatchObject({
      statusCode: 422,
      code: 'RULE_VIOLATED',
    });
  });
});
