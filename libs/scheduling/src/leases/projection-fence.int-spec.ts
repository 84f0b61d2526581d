import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent } from '@chronicle/event-store';
import { SqliteEventStore } from '@chronicle/event-store/embedded';
import { type Projection, ProjectorRuntime } from '@chronicle/projections';
import { SqliteReadStore } from '@chronicle/read-store/embedded';
import IORedis from 'ioredis';
import { deleteKeysWithPrefix } from '../adapters/bullmq/redis-connections';
import { RedisLease } from '../adapters/bullmq/redis-lease';
import { eventually } from '../testing/eventually';
import { testRedisUrl, uniquePrefix } from '../testing/test-redis';

const redisUrl = testRedisUrl();

/** Counts events; `hold` lets the test stop a projector in the middle of a batch. */
function counter(hold: () => Promise<void>): Projection {
  return {
    name: 'counter',
    version: 1,
    collections: ['totals'],
    indexes: [],
    async apply(_event: RecordedEvent, work) {
      await hold();
      const totals = await work.get('totals', 'all');
      const count = typeof totals?.count === 'number' ? totals.count : 0;
      work.put('totals', { _id: 'all', count: count + 1 });
    },
  };
}

// Two runtimes stand for two processes: each has its own Redis lease connection. They share one
// embedded event store and one embedded read store in this process, standing in for EventStoreDB
// and MongoDB, which cannot run here; the fence is the read-store port's contract on both adapters.
describe('A projector that lost its lease without noticing', () => {
  const prefix = uniquePrefix('fence');
  const directory = mkdtempSync(join(tmpdir(), 'chronicle-fence-'));
  const eventStore = SqliteEventStore.open({ directory: join(directory, 'events') });
  const readStore = SqliteReadStore.open({ path: join(directory, 'read-models.sqlite') });
  const admin = new IORedis(redisUrl);
  const leases: RedisLease[] = [];
  const runtimes: ProjectorRuntime[] = [];

  afterAll(async () => {
    await Promise.all(runtimes.map((runtime) => runtime.stop()));
    await Promise.all(leases.map((lease) => lease.close()));
    await eventStore.close();
    await readStore.close();
    await deleteKeysWithPrefix(redisUrl, prefix);
    await admin.quit();
    rmSync(directory, { recursive: true, force: true });
  });

  async function aProcess(
    projection: Projection,
    timings: { ttlMs: number; renewEveryMs: number },
  ): Promise<ProjectorRuntime> {
    const lease = await RedisLease.connect({ redisUrl, prefix, lookEveryMs: 50, ...timings });
    leases.push(lease);
    const runtime = new ProjectorRuntime({ eventStore, readStore, lease });
    runtime.register(projection);
    runtimes.push(runtime);
    return runtime;
  }

  it('has its batch refused by the checkpoint fence; the successor counts every event once', async () => {
    const events = Array.from({ length: 10 }, () => ({
      eventId: randomUUID(),
      type: 'Counted',
      data: {},
      metadata: {},
    }));
    const { position: head } = await eventStore.append('stream-1', events, 'no_stream');
    let frozen: () => void = () => undefined;
    const thawed = new Promise<void>((resolve) => (frozen = resolve));
    let reachedFreeze: () => void = () => undefined;
    const atFreeze = new Promise<void>((resolve) => (reachedFreeze = resolve));

    // The stale one renews too rarely to notice in this test: a process frozen in a long pause.
    const stale = await aProcess(
      counter(() => {
        reachedFreeze();
        return thawed;
      }),
      { ttlMs: 60_000, renewEveryMs: 50_000 },
    );
    await stale.start();
    await atFreeze;

    // Its lease runs out in Redis while it is frozen mid-batch; another process takes over.
    await admin.del(`${prefix}:chronicle-lease:counter`);
    const successor = await aProcess(
      counter(() => Promise.resolve()),
      { ttlMs: 1000, renewEveryMs: 300 },
    );
    await successor.start();
    await successor.waitForPosition('counter', head);

    // The stale process wakes and commits the batch it had applied: the fence refuses it.
    frozen();
    await eventually(
      async () => (await stale.status()).projections[0]?.state === 'failed',
      'the stale projector stops',
    );
    const [status] = (await stale.status()).projections;
    expect(status?.error?.message).toMatch(/Another worker moved the checkpoint/);
    const totals = await readStore.get(successor.collection('counter', 'totals'), 'all');
    expect(totals?.count).toBe(10);
    expect(successor.position('counter')).toBe(head);
  });
});
