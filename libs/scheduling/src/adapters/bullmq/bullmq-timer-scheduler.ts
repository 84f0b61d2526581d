import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  type CheckpointStore,
  DEFAULT_TIMER_RETRY,
  type PendingTimer,
  type TimerHandler,
  type TimerPayload,
  type TimerRetryPolicy,
  type TimerScheduler,
} from '../../timer-scheduler.port';
import { closeConnection, commandConnection, ready, workerConnection } from './redis-connections';

export interface BullMqTimerSchedulerOptions {
  redisUrl: string;
  /** One queue per kind of timer, e.g. `chronicle-sla-timers`. */
  queueName: string;
  /** BullMQ key prefix; tests use a unique one per run. Default `bull`. */
  prefix?: string;
  clock?: () => Date;
  retry?: TimerRetryPolicy;
  /** Handlers running at once in this process. Default 10. */
  concurrency?: number;
  /** Told about a timer dropped after its last failed attempt. */
  onGiveUp?: (timerId: string, error: unknown) => void;
}

interface TimerJobData {
  dueAt: string;
  payload: TimerPayload;
}

const PENDING_STATES = new Set(['delayed', 'waiting', 'wait', 'prioritized', 'active']);

/**
 * The Redis {@link TimerScheduler}: one BullMQ delayed job per timer, job id = timer id, so
 * scheduling is idempotent across processes. Finished jobs are removed at once: the timer is
 * forgotten and can be armed again (a reopened ticket). Timer ids follow BullMQ's rule for custom
 * job ids: no `:` and not an integer.
 */
export class BullMqTimerScheduler implements TimerScheduler, CheckpointStore {
  private handler: TimerHandler | undefined;
  private worker: Worker<TimerJobData> | undefined;
  private workerRedis: Redis | undefined;
  private readonly clock: () => Date;
  private readonly retry: TimerRetryPolicy;
  private readonly prefix: string;

  private constructor(
    private readonly options: BullMqTimerSchedulerOptions,
    private readonly redis: Redis,
    private readonly queue: Queue<TimerJobData>,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.retry = options.retry ?? DEFAULT_TIMER_RETRY;
    this.prefix = options.prefix ?? 'bull';
  }

  /** Connects to Redis; rejects when it does not answer. */
  static async connect(options: BullMqTimerSchedulerOptions): Promise<BullMqTimerScheduler> {
    const redis = commandConnection(options.redisUrl, `${options.queueName}:scheduler`);
    try {
      await ready(redis);
    } catch (error) {
      redis.disconnect();
      throw error;
    }
    const queue = new Queue<TimerJobData>(options.queueName, {
      connection: redis,
      prefix: options.prefix ?? 'bull',
    });
    // Without a listener BullMQ prints every reconnection error with its stack; /health reports Redis.
    queue.on('error', () => undefined);
    return new BullMqTimerScheduler(options, redis, queue);
  }

  async schedule(timerId: string, dueAt: Date, payload: TimerPayload): Promise<void> {
    await this.queue.add(
      'timer',
      { dueAt: dueAt.toISOString(), payload },
      {
        jobId: timerId,
        delay: Math.max(0, dueAt.getTime() - this.clock().getTime()),
        attempts: this.retry.attempts,
        backoff: { type: 'exponential', delay: this.retry.backoffMs },
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  async cancel(timerId: string): Promise<void> {
    // A job locked by a worker is not removed: it is firing, and its handler decides on state.
    await this.queue.remove(timerId);
  }

  async pending(timerId: string): Promise<PendingTimer | undefined> {
    const job = await this.queue.getJob(timerId);
    if (!job || !PENDING_STATES.has(await job.getState())) return undefined;
    return { dueAt: new Date(job.data.dueAt), payload: job.data.payload };
  }

  onDue(handler: TimerHandler): void {
    this.handler = handler;
  }

  async start(): Promise<void> {
    const handler = this.handler;
    if (!handler) throw new Error('Register a handler with onDue before start');
    if (this.worker) return;
    this.workerRedis = workerConnection(this.options.redisUrl, `${this.options.queueName}:worker`);
    this.worker = new Worker<TimerJobData>(
      this.options.queueName,
      (job: Job<TimerJobData>) =>
        handler({
          timerId: job.id ?? '',
          dueAt: new Date(job.data.dueAt),
          payload: job.data.payload,
          attempt: job.attemptsMade + 1,
        }),
      {
        connection: this.workerRedis,
        prefix: this.prefix,
        concurrency: this.options.concurrency ?? 10,
      },
    );
    this.worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        this.options.onGiveUp?.(job.id ?? '', error);
      }
    });
    // Worker errors (lost connection…) are retried by BullMQ itself; /health reports Redis.
    this.worker.on('error', () => undefined);
    await this.worker.waitUntilReady();
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    if (this.workerRedis) await closeConnection(this.workerRedis);
    await closeConnection(this.redis);
  }

  async load(name: string): Promise<string | undefined> {
    return (await this.redis.get(this.checkpointKey(name))) ?? undefined;
  }

  async save(name: string, position: string): Promise<void> {
    await this.redis.set(this.checkpointKey(name), position);
  }

  async saveExisting(name: string, position: string): Promise<boolean> {
    // XX: set only when the key exists, so a Redis that came back empty is noticed, not papered over.
    return (await this.redis.set(this.checkpointKey(name), position, 'XX')) === 'OK';
  }

  // Under the queue's own prefix, so deleting the queue's keys deletes the checkpoint too.
  private checkpointKey(name: string): string {
    return `${this.prefix}:${this.options.queueName}:checkpoint:${name}`;
  }
}
