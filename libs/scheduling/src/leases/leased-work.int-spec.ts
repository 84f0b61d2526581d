import IORedis from 'ioredis';
import { deleteKeysWithPrefix } from '../adapters/bullmq/redis-connections';
import { RedisLease } from '../adapters/bullmq/redis-lease';
import { eventually } from '../testing/eventually';
import { testRedisUrl, uniquePrefix } from '../testing/test-redis';
import { LeasedWork } from './leased-work';

const redisUrl = testRedisUrl();
const TIMINGS = { ttlMs: 600, renewEveryMs: 180, lookEveryMs: 100 };

describe('LeasedWork on a Redis lease', () => {
  const prefix = uniquePrefix('leased-work');
  const admin = new IORedis(redisUrl);
  const leases: RedisLease[] = [];
  const works: LeasedWork[] = [];
  /** Which simulated process runs the work right now; each term adds its own entry. */
  const running = new Set<string>();
  const terms: string[] = [];
  /** Each term that ended, by the process that ran it. */
  const ended: string[] = [];

  async function aProcess(id: string): Promise<LeasedWork> {
    const lease = await RedisLease.connect({ redisUrl, prefix, ...TIMINGS });
    leases.push(lease);
    const work = new LeasedWork({
      lease,
      name: 'sla-timers',
      start: () => {
        running.add(id);
        terms.push(id);
        return Promise.resolve(() => {
          running.delete(id);
          ended.push(id);
          return Promise.resolve();
        });
      },
    });
    works.push(work);
    work.start();
    return work;
  }

  afterAll(async () => {
    await Promise.all(works.map((work) => work.stop()));
    await Promise.all(leases.map((lease) => lease.close()));
    await deleteKeysWithPrefix(redisUrl, prefix);
    await admin.quit();
  });

  it('runs the work in one process at a time and hands it on when that one stops', async () => {
    const [a, b, c] = [await aProcess('a'), await aProcess('b'), await aProcess('c')];
    await eventually(() => running.size === 1, 'one process runs the work');
    const first = [...running][0]!;
    const holder = { a, b, c }[first as 'a' | 'b' | 'c'];

    await holder.stop();
    await eventually(() => running.size === 1 && !running.has(first), 'another takes over');
    expect(running.size).toBe(1);
  });

  it('stops the work of a holder whose lease ran out, and one process runs it again', async () => {
    const before = terms.length;
    const endedBefore = ended.length;
    // The holder froze past its lease time: Redis let the lease go.
    await admin.del(`${prefix}:chronicle-lease:sla-timers`);

    // The old holder's renewal is refused, so its term ends; a new term starts.
    await eventually(() => ended.length > endedBefore, 'the old term ends');
    await eventually(() => terms.length > before && running.size === 1, 'a new term runs');
    expect(running.size).toBe(1);
    expect(terms.length).toBeGreaterThan(before);
  });
});
