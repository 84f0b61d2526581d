import type { HeldLease } from '@chronicle/projections';
import IORedis from 'ioredis';
import { eventually } from '../../testing/eventually';
import { RedisChild } from '../../testing/redis-child';
import { testRedisUrl, uniquePrefix } from '../../testing/test-redis';
import { deleteKeysWithPrefix } from './redis-connections';
import { RedisLease, type RedisLeaseOptions } from './redis-lease';

const redisUrl = testRedisUrl();
// Short, so the tests see expiries quickly; the ratio is the default's (10 s / 3 s).
const TIMINGS = { ttlMs: 600, renewEveryMs: 180, lookEveryMs: 100 };

describe('RedisLease', () => {
  const prefix = uniquePrefix('lease');
  const leases: RedisLease[] = [];
  const admin = new IORedis(redisUrl);

  /** One lease object per simulated process: each has its own connection and holder id. */
  async function aProcess(options: Partial<RedisLeaseOptions> = {}): Promise<RedisLease> {
    const lease = await RedisLease.connect({ redisUrl, prefix, ...TIMINGS, ...options });
    leases.push(lease);
    return lease;
  }

  afterAll(async () => {
    await Promise.all(leases.map((lease) => lease.close()));
    await deleteKeysWithPrefix(redisUrl, prefix);
    await admin.quit();
  });

  it('grants a lease to exactly one of many contenders at once, with ever-growing tokens', async () => {
    const contenders = await Promise.all(Array.from({ length: 8 }, () => aProcess()));
    const tokens: bigint[] = [];
    for (let round = 0; round < 25; round += 1) {
      const results = await Promise.all(contenders.map((lease) => lease.tryAcquire('contended')));
      const holders = results.filter((held): held is HeldLease => held !== undefined);

      expect(holders).toHaveLength(1);
      tokens.push(BigInt(holders[0]!.token!));
      await holders[0]!.release();
    }
    expect(tokens.every((token, i) => i === 0 || token > tokens[i - 1]!)).toBe(true);
  });

  it('never lets two holders overlap while contenders take and let go at random', async () => {
    const contenders = await Promise.all(Array.from({ length: 6 }, () => aProcess()));
    const terms: { holder: number; from: number; to: number }[] = [];
    const stop = new AbortController();
    const contend = async (lease: RedisLease, holder: number): Promise<void> => {
      while (!stop.signal.aborted) {
        const held = await lease.tryAcquire('overlap');
        if (!held) {
          await lease.released('overlap', stop.signal);
          continue;
        }
        const from = performance.now();
        // Work for a while, yielding to the other contenders' attempts.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
        expect(held.lost.aborted).toBe(false);
        terms.push({ holder, from, to: performance.now() });
        await held.release();
        // Step back a while before contending again, as a process between jobs would: without it
        // the holder that just let go wins the next round before the others, who poll, look.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 50));
      }
    };
    const running = contenders.map((lease, i) => contend(lease, i));
    try {
      await eventually(() => terms.length >= 60, 'sixty terms of the lease', 6000);
    } finally {
      stop.abort();
      await Promise.all(running);
    }

    expect(terms.length).toBeGreaterThanOrEqual(60);
    const sorted = [...terms].sort((a, b) => a.from - b.from);
    for (let i = 1; i < sorted.length; i += 1) {
      expect(sorted[i]!.from).toBeGreaterThanOrEqual(sorted[i - 1]!.to);
    }
    expect(new Set(terms.map((term) => term.holder)).size).toBeGreaterThan(1);
  });

  it('keeps a lease past its lease time while the holder renews it', async () => {
    const [a, b] = [await aProcess(), await aProcess()];
    const held = await a.tryAcquire('renewed');
    const ttl = TIMINGS.ttlMs;
    const since = Date.now();
    // Several lease times in a row, the other process trying all along.
    while (Date.now() - since < 3 * ttl) {
      expect(await b.tryAcquire('renewed')).toBeUndefined();
      await b.released('renewed', AbortSignal.timeout(ttl));
    }
    expect(held!.lost.aborted).toBe(false);
    await held!.release();
    expect(await b.tryAcquire('renewed')).toBeDefined();
  });

  it("refuses a stale holder's renewal and release once another holder took the lease", async () => {
    const [stale, next] = [await aProcess(), await aProcess()];
    const old = await stale.tryAcquire('fenced');
    // The holder froze (a long pause) and its lease ran out in Redis meanwhile.
    await admin.pexpire(`${prefix}:chronicle-lease:fenced`, 1);
    await next.released('fenced', AbortSignal.timeout(1000));
    const fresh = await next.tryAcquire('fenced');
    expect(fresh).toBeDefined();
    expect(BigInt(fresh!.token!)).toBeGreaterThan(BigInt(old!.token!));

    // Its next renewal is a compare-and-set on its token: refused, so it learns it lost.
    const lost = await new Promise<unknown>((resolve) =>
      old!.lost.addEventListener('abort', () => resolve(old!.lost.reason), { once: true }),
    );
    expect(String(lost)).toMatch(/another holder has it/);
    await old!.release();
    // Nor could its release delete the new holder's lease.
    expect(await next.currentHolder('fenced')).toMatch(new RegExp(`^${fresh!.token}/`));
    expect(fresh!.lost.aborted).toBe(false);
    await fresh!.release();
  });

  it('aborts `lost` within the lease time when Redis stops answering', async () => {
    const redis = await RedisChild.start();
    try {
      const lease = await RedisLease.connect({ redisUrl: redis.url, prefix, ...TIMINGS });
      const held = await lease.tryAcquire('unreachable');
      const lost = new Promise<number>((resolve) =>
        held!.lost.addEventListener('abort', () => resolve(performance.now()), { once: true }),
      );
      const killedAt = performance.now();
      await redis.kill();

      // Lost no later than the lease runs out in Redis: counted from the last renewal, before the kill.
      expect((await lost) - killedAt).toBeLessThanOrEqual(TIMINGS.ttlMs);
      await lease.close();
    } finally {
      await redis.kill();
    }
  });
});
