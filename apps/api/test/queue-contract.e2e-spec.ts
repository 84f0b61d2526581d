import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { deleteKeysWithPrefix } from '@chronicle/scheduling/bullmq';
import { QueueHarness } from '../src/queue/testing/queue-harness';
import { testRedisUrl, uniquePrefix } from '../../../libs/scheduling/src/testing/test-redis';

const redisUrl = testRedisUrl();

// The one test on the contract's own names: queue `chronicle-commands`, prefix `bull`. It removes
// the jobs it added; the queue itself is shared with whatever else uses this Redis.
describe('the chronicle-commands queue under the default prefix', () => {
  const prefix = uniquePrefix('contract');
  const connection = { url: redisUrl };
  let api: QueueHarness;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    api = await QueueHarness.start({ redisUrl, prefix, slaTimers: false });
    queue = new Queue('chronicle-commands', { connection });
    events = new QueueEvents('chronicle-commands', { connection });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await queue.close();
    await api.close();
    await deleteKeysWithPrefix(redisUrl, prefix);
  });

  it('applies a producer job and keeps it, finished, for at least 24 hours', async () => {
    const key = `contract-${randomUUID()}`;
    const contactId = `K-${randomUUID()}`;
    const job = await queue.add(
      'RegisterContact',
      { payload: { contactId, email: 'k@example.com' }, actor: 'signup-service' },
      { jobId: key },
    );
    try {
      expect(await job.waitUntilFinished(events, 10_000)).toMatchObject({
        commandId: key,
        streamId: `contact-${contactId}`,
      });
      expect(await api.eventsOf(`contact-${contactId}`)).toHaveLength(1);
      const finished = await queue.getJob(key);
      expect(await finished?.getState()).toBe('completed');
    } finally {
      await queue.remove(key);
    }
  });
});
