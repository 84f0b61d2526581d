import { Queue, QueueEvents } from 'bullmq';
import IORedis from 'ioredis';
import type { ProjectionsReport } from '@chronicle/projections';
import type { RebuildRuntime } from '../../rebuilds/projection-rebuilds';
import type { RebuildJobProgress } from '../../rebuilds/run-rebuild';
import { eventually } from '../../testing/eventually';
import { testRedisUrl, uniquePrefix } from '../../testing/test-redis';
import { BullMqProjectionRebuilds } from './bullmq-projection-rebuilds';
import { deleteKeysWithPrefix } from './redis-connections';

const redisUrl = testRedisUrl();

/** A runtime whose one rebuild finishes when the test says so. */
function fakeRuntime() {
  let finish: () => void = () => undefined;
  const switched = new Promise<void>((resolve) => (finish = resolve));
  let done = '0';
  const runtime: RebuildRuntime = {
    projectionNames: ['service-sla'],
    rebuild: () => Promise.resolve({ jobId: 'gen-2' }),
    waitForRebuild: () => switched,
    status: () =>
      Promise.resolve({
        headPosition: '10',
        projections: [
          {
            name: 'service-sla',
            rebuild: {
              jobId: 'gen-2',
              done,
              total: '10',
              generation: 2,
              version: 1,
              finished: false,
            },
          },
        ],
      } as unknown as ProjectionsReport),
  };
  return { runtime, advance: (to: string) => (done = to), finish: () => finish() };
}

describe('rebuild jobs on BullMQ', () => {
  const prefix = uniquePrefix('rebuilds');
  const queueName = 'rebuilds';
  afterAll(() => deleteKeysWithPrefix(redisUrl, prefix));

  it('runs the rebuild as a job, reporting positions done / total, and answers one job per projection', async () => {
    const fake = fakeRuntime();
    const rebuilds = await BullMqProjectionRebuilds.connect({
      redisUrl,
      prefix,
      queueName,
      runtime: fake.runtime,
    });
    const queue = new Queue(queueName, { connection: { url: redisUrl }, prefix });
    const events = new QueueEvents(queueName, { connection: { url: redisUrl }, prefix });
    const progress: RebuildJobProgress[] = [];
    events.on('progress', ({ data }) => {
      progress.push(data as RebuildJobProgress);
      if (progress.length === 1) fake.advance('10');
      if ((data as RebuildJobProgress).done === '10') fake.finish();
    });
    try {
      await events.waitUntilReady();
      const { jobId } = await rebuilds.request('service-sla');
      expect((await rebuilds.request('service-sla')).jobId).toBe(jobId);
      await expect(rebuilds.request('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const job = (await queue.getJob(jobId))!;
      expect(await job.waitUntilFinished(events, 10_000)).toEqual({
        projection: 'service-sla',
        rebuildId: 'gen-2',
        done: '10',
        total: '10',
      });
      expect(progress[0]).toEqual({
        projection: 'service-sla',
        rebuildId: 'gen-2',
        done: '0',
        total: '10',
      });
    } finally {
      await events.close();
      await queue.close();
      await rebuilds.close();
    }
  });

  it('answers concurrent requests with one job, never two rebuilds of a projection', async () => {
    const fake = fakeRuntime();
    const name = 'rebuilds-concurrent';
    const rebuilds = await BullMqProjectionRebuilds.connect({
      redisUrl,
      prefix,
      queueName: name,
      runtime: fake.runtime,
      process: false,
    });
    const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
    try {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => rebuilds.request('service-sla')),
      );
      expect(new Set(answers.map((answer) => answer.jobId)).size).toBe(1);
      expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
    } finally {
      await queue.close();
      await rebuilds.close();
    }
  });

  it('holds a running rebuild for longer than the 30 s BullMQ default, so a busy worker keeps it', async () => {
    const fake = fakeRuntime();
    const name = 'rebuilds-lock';
    const rebuilds = await BullMqProjectionRebuilds.connect({
      redisUrl,
      prefix,
      queueName: name,
      runtime: fake.runtime,
    });
    const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
    const redis = new IORedis(redisUrl);
    try {
      const { jobId } = await rebuilds.request('service-sla');
      await eventually(
        async () => (await queue.getJobState(jobId)) === 'active',
        'rebuild running',
      );
      expect(await redis.pttl(`${prefix}:${name}:${jobId}:lock`)).toBeGreaterThan(60_000);
    } finally {
      fake.finish();
      redis.disconnect();
      await queue.close();
      await rebuilds.close();
    }
  });
});
