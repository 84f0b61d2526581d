import type { CommandRequest, CommandResult } from '@chronicle/application';
import { EventStoreUnavailableError } from '@chronicle/event-store';
import { ChronicleError } from '@chronicle/platform';
import { Queue, QueueEvents } from 'bullmq';
import { testRedisUrl, uniquePrefix } from '../../testing/test-redis';
import { CommandQueueWorker } from './command-queue-worker';
import { deleteKeysWithPrefix } from './redis-connections';

const redisUrl = testRedisUrl();

describe('CommandQueueWorker retries', () => {
  const prefix = uniquePrefix('command-worker');
  const queueName = 'commands';
  const connection = { url: redisUrl };
  const calls: CommandRequest[] = [];
  const failures = new Map<string, Error[]>();
  let worker: CommandQueueWorker;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    worker = await CommandQueueWorker.start({
      redisUrl,
      prefix,
      queueName,
      execute: (request) => {
        calls.push(request);
        const planned = failures.get(request.idempotencyKey!)?.shift();
        if (planned) return Promise.reject(planned);
        return Promise.resolve({ commandId: request.idempotencyKey } as CommandResult);
      },
    });
    queue = new Queue(queueName, { connection, prefix });
    events = new QueueEvents(queueName, { connection, prefix });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await queue.close();
    await worker.close();
    await deleteKeysWithPrefix(redisUrl, prefix);
  });

  it('retries transient failures with the producer backoff, then succeeds', async () => {
    failures.set('flaky', [
      new EventStoreUnavailableError('disk gone'),
      new ChronicleError('UNAVAILABLE', 'contention'),
    ]);
    const job = await queue.add(
      'RegisterContact',
      { payload: {}, actor: 'svc' },
      { jobId: 'flaky', attempts: 3, backoff: { type: 'fixed', delay: 10 } },
    );
    expect(await job.waitUntilFinished(events, 5000)).toEqual({ commandId: 'flaky' });
    expect((await queue.getJob('flaky'))?.attemptsMade).toBe(3);
  });

  it('leaves the JSON error body as the failure reason once the attempts run out', async () => {
    failures.set('down', [
      new EventStoreUnavailableError('a'),
      new EventStoreUnavailableError('b'),
    ]);
    const job = await queue.add(
      'RegisterContact',
      { payload: {}, actor: 'svc' },
      { jobId: 'down', attempts: 2, backoff: { type: 'fixed', delay: 10 } },
    );
    await expect(job.waitUntilFinished(events, 5000)).rejects.toThrow(/"code":"UNAVAILABLE"/);
  });

  it('passes the job as the HTTP pipeline request, scoped by its queue, the producer as a service actor', async () => {
    const job = await queue.add(
      'CloseTicket',
      { payload: { ticketId: 'T-1' }, actor: 'desk', expectedRevision: 4, correlationId: 'corr-1' },
      { jobId: 'close-T-1' },
    );
    await job.waitUntilFinished(events, 5000);
    expect(calls.find((call) => call.idempotencyKey === 'close-T-1')).toEqual({
      type: 'CloseTicket',
      body: { ticketId: 'T-1' },
      idempotencyKey: 'close-T-1',
      idempotencyScope: `queue:${queueName}`,
      expectedRevision: 4,
      correlationId: 'corr-1',
      actor: { id: 'desk', roles: ['service'] },
    });
  });
});
