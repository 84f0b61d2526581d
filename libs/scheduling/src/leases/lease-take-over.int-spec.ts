import { join } from 'node:path';
import { killAllFixtures, killed, readLines, runFixture } from '@chronicle/event-store/testing';
import { deleteKeysWithPrefix } from '../adapters/bullmq/redis-connections';
import { RedisLease } from '../adapters/bullmq/redis-lease';
import { testRedisUrl, uniquePrefix } from '../testing/test-redis';

const redisUrl = testRedisUrl();
const TTL_MS = 1500;
const RENEW_MS = 450;
// A waiter wakes when the lease expires in Redis; this covers its request and a busy machine.
const SLACK_MS = 250;

describe('Lease take-over after the holder is killed with SIGKILL', () => {
  const prefix = uniquePrefix('take-over');
  let survivor: RedisLease;

  beforeAll(async () => {
    survivor = await RedisLease.connect({
      redisUrl,
      prefix,
      ttlMs: TTL_MS,
      renewEveryMs: RENEW_MS,
    });
  });

  afterAll(async () => {
    await killAllFixtures();
    await survivor.close();
    await deleteKeysWithPrefix(redisUrl, prefix);
  });

  it('passes to a waiting process within the lease time, with a greater token', async () => {
    const child = runFixture(join(__dirname, 'testing', 'hold-lease.ts'), [
      redisUrl,
      prefix,
      'projection-x',
      String(TTL_MS),
      String(RENEW_MS),
    ]);
    const lines = await readLines(child, (seen) => seen.some((line) => line.startsWith('held ')));
    const childToken = BigInt(lines.find((line) => line.startsWith('held '))!.slice(5));

    // While the child lives it renews: this process waits in vain for more than a lease time.
    const waitedFrom = performance.now();
    while (performance.now() - waitedFrom < 2 * TTL_MS) {
      expect(await survivor.tryAcquire('projection-x')).toBeUndefined();
      await survivor.released('projection-x', AbortSignal.timeout(TTL_MS));
    }

    const killedAt = performance.now();
    await killed(child);
    let held = await survivor.tryAcquire('projection-x');
    while (!held) {
      await survivor.released('projection-x', AbortSignal.timeout(TTL_MS));
      held = await survivor.tryAcquire('projection-x');
    }
    const tookOverAfter = performance.now() - killedAt;

    expect(tookOverAfter).toBeLessThanOrEqual(TTL_MS + SLACK_MS);
    expect(BigInt(held.token!)).toBeGreaterThan(childToken);
    process.stdout.write(
      `lease taken over ${Math.round(tookOverAfter)} ms after SIGKILL (lease time ${TTL_MS} ms)\n`,
    );
    await held.release();
  });
});
