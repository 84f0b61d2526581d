import { RedisChild } from './redis-child';
import { PRIVATE_TEST_REDIS_VARIABLE } from './test-redis';

declare global {
  var chronicleTestRedis: RedisChild | undefined;
}

/**
 * Jest global setup: without REDIS_URL, starts a redis-server of this test run's own on a free
 * loopback port (no persistence) and hands its URL to the test workers through the environment.
 * `npm test` then needs nothing started by hand, and never touches a Redis someone else uses.
 */
export default async function startPrivateRedis(): Promise<void> {
  if (process.env.REDIS_URL) return;
  const redis = await RedisChild.start();
  globalThis.chronicleTestRedis = redis;
  process.env[PRIVATE_TEST_REDIS_VARIABLE] = redis.url;
}
