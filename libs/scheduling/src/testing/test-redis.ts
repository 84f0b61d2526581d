import { randomBytes } from 'node:crypto';

/** Where the Jest global setup leaves the URL of the Redis it started for this test run. */
export const PRIVATE_TEST_REDIS_VARIABLE = 'CHRONICLE_TEST_REDIS_URL';

/**
 * The Redis the tests use: REDIS_URL when the runner set one, else the private redis-server that
 * the Jest global setup started on a free loopback port, so tests never touch a shared Redis.
 */
export function testRedisUrl(): string {
  const url = process.env.REDIS_URL || process.env[PRIVATE_TEST_REDIS_VARIABLE];
  if (!url) {
    throw new Error('No Redis for the tests: run them through jest, or set REDIS_URL');
  }
  return url;
}

/** A BullMQ key prefix of its own per test run, so parallel runs on one Redis never collide. */
export function uniquePrefix(label: string): string {
  return `test-${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
}
