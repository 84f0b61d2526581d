import { ChronicleError } from '@chronicle/platform';
import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ProjectionRebuilds, RebuildRuntime } from '../../rebuilds/projection-rebuilds';
import { type RebuildJobProgress, runRebuild } from '../../rebuilds/run-rebuild';
import { closeConnection, commandConnection, ready, workerConnection } from './redis-connections';

export interface BullMqProjectionRebuildsOptions {
  redisUrl: string;
  runtime: RebuildRuntime;
  /** Default `chronicle-projection-rebuilds`. */
  queueName?: string;
  prefix?: string;
  /** False in processes that only enqueue (an API that runs no projections). Default true. */
  process?: boolean;
  /**
   * How long a running rebuild's lock lasts without renewal before BullMQ takes its job for
   * stalled and hands it to another worker. Default 10 minutes (BullMQ's own is 30 s).
   */
  lockDurationMs?: number;
}

/**
 * A rebuild renews its lock from the event loop; a long CPU-bound stretch starves the renewal, and
 * with BullMQ's 30 s a second worker would start the same rebuild while the first still runs. Ten
 * minutes is long enough for any stretch the runtime allows between loop turns, and still hands a
 * dead process's rebuild on.
 */
const REBUILD_LOCK_MS = 10 * 60 * 1000;

interface RebuildJobData {
  projection: string;
}

/**
 * Rebuilds as BullMQ jobs: a request enqueues one (or answers the one already waiting or running
 * for that projection, through BullMQ's deduplication); the processor runs the runtime's rebuild and reports its progress (positions
 * done / total) with `job.updateProgress`, while GET /admin/projections shows the runtime's own.
 * A process that dies mid-rebuild leaves a stalled job, which BullMQ hands to another worker.
 */
export class BullMqProjectionRebuilds implements ProjectionRebuilds {
  private constructor(
    private readonly options: BullMqProjectionRebuildsOptions,
    private readonly redis: Redis,
    private readonly queue: Queue<RebuildJobData>,
    private readonly worker?: { worker: Worker<RebuildJobData>; redis: Redis },
  ) {}

  static async connect(
    options: BullMqProjectionRebuildsOptions,
  ): Promise<BullMqProjectionRebuilds> {
    const queueName = options.queueName ?? 'chronicle-projection-rebuilds';
    const prefix = options.prefix ?? 'bull';
    const redis = commandConnection(options.redisUrl, `${queueName}:producer`);
    await ready(redis);
    const queue = new Queue<RebuildJobData>(queueName, { connection: redis, prefix });
    // Without a listener BullMQ prints every reconnection error with its stack; /health reports Redis.
    queue.on('error', () => undefined);
    if (options.process === false) return new BullMqProjectionRebuilds(options, redis, queue);
    const workerRedis = workerConnection(options.redisUrl, `${queueName}:worker`);
    const worker = new Worker<RebuildJobData>(
      queueName,
      (job: Job<RebuildJobData>) =>
        runRebuild(options.runtime, job.data.projection, (progress: RebuildJobProgress) =>
          job.updateProgress({ ...progress }),
        ),
      {
        connection: workerRedis,
        prefix,
        concurrency: 4,
        lockDuration: options.lockDurationMs ?? REBUILD_LOCK_MS,
      },
    );
    worker.on('error', () => undefined);
    return new BullMqProjectionRebuilds(options, redis, queue, { worker, redis: workerRedis });
  }

  async request(projection: string): Promise<{ jobId: string }> {
    if (!this.options.runtime.projectionNames.includes(projection)) {
      throw new ChronicleError('NOT_FOUND', `No projection named ${projection}`);
    }
    // One open rebuild per projection, decided by BullMQ in one Redis script: two requests at
    // once get the same job, where looking first and adding after would start two.
    const job = await this.queue.add(
      'rebuild',
      { projection },
      {
        jobId: `rebuild.${projection}.${Date.now()}`,
        deduplication: { id: `rebuild.${projection}` },
        removeOnComplete: { age: 24 * 60 * 60 },
        removeOnFail: { age: 24 * 60 * 60 },
      },
    );
    return { jobId: job.id ?? '' };
  }

  async close(): Promise<void> {
    await this.worker?.worker.close();
    await this.queue.close();
    if (this.worker) await closeConnection(this.worker.redis);
    await closeConnection(this.redis);
  }
}
