import { describeTimerSchedulerContract } from '../../testing/timer-scheduler.contract';
import { testRedisUrl, uniquePrefix } from '../../testing/test-redis';
import { BullMqTimerScheduler } from './bullmq-timer-scheduler';
import { deleteKeysWithPrefix } from './redis-connections';

const redisUrl = testRedisUrl();
const prefix = uniquePrefix('timers');
afterAll(() => deleteKeysWithPrefix(redisUrl, prefix));

describeTimerSchedulerContract('BullMQ (Redis)', (store) =>
  BullMqTimerScheduler.connect({
    redisUrl,
    prefix,
    queueName: `timers-${store}`,
    retry: { attempts: 5, backoffMs: 20 },
  }),
);
