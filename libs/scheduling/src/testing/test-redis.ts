import { randomBytes } from 'node:crypto';

/** The Redis the tests use: REDIS_URL when set, else the loopback one every dev and CI box runs. */
export function testRedisUrl(): string {
  return process.env.REDIS_URL || 'redis://127.0.0.1:6379';
}

/** A BullMQ key prefix of its own per test run, so parallel runs on one Redis never collide. */
export function uniquePrefix(label: string): string {
  return `test-${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
}
