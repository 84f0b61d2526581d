import { randomUUID } from 'node:crypto';
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
  /** Unique to one `schedule` call: tells the job it added from one already there. */
  arming?: string;
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

  /**
   * Adds the timer's job, which BullMQ ignores while a job with its id exists. A waiting one is
   * pending and stays as it is; one firing right now is armed again with this due time once its
   * firing ends (after a cancel, or a reopened ticket, while the old timer fires).
   */
  async schedule(timerId: string, dueAt: Date, payload: TimerPayload): Promise<void> {
    const arming = randomUUID();
    await this.add(timerId, { dueAt: dueAt.toISOString(), payload, arming });
    const job = await this.queue.getJob(timerId);
    if (!job || job.data.arming === arming || (await job.getState()) !== 'active') return;
    await this.redis.hset(this.rearmKey(), timerId, JSON.stringify({ dueAt, payload }));
    // The firing may have ended between the two reads; then no worker will see the entry.
    if ((await this.queue.getJobState(timerId)) !== 'active') await this.rearm(timerId);
  }

  async cancel(timerId: string): Promise<void> {
    await this.redis.hdel(this.rearmKey(), timerId);
    // A job locked by a worker is not removed: it is firing, and its handler decides on state.
    await this.queue.remove(timerId);
  }

  async pending(timerId: string): Promise<PendingTimer | undefined> {
    const rearmed = await this.redis.hget(this.rearmKey(), timerId);
    if (rearmed) return parseTimer(rearmed);
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
        void this.rearm(job.id ?? '').catch(() => undefined);
      }
    });
    // Its job is gone once a timer has fired: one armed again meanwhile can take its id now.
    this.worker.on('completed', (job) => void this.rearm(job.id ?? '').catch(() => undefined));
    // Worker errors (lost connection…) are retried by BullMQ itself; /health reports Redis.
    this.worker.on('error', () => undefined);
    await this.worker.waitUntilReady();
    // Entries a process left behind when it stopped between a firing's end and its re-arm.
    for (const timerId of await this.redis.hkeys(this.rearmKey())) {
      if (!(await this.queue.getJob(timerId))) await this.rearm(timerId);
    }
  }

  /** Takes the timer's re-arm entry, if no one else has, and adds its job. */
  private async rearm(timerId: string): Promise<void> {
    const [[, entry], [, taken]] = (await this.redis
      .multi()
      .hget(this.rearmKey(), timerId)
      .hdel(this.rearmKey(), timerId)
      .exec()) as [[null, string | null], [null, number]];
    if (!entry || taken !== 1) return;
    const timer = parseTimer(entry);
    const { dueAt, payload } = timer;
    await this.add(timerId, { dueAt: dueAt.toISOString(), payload, arming: randomUUID() });
  }

  private async add(timerId: string, data: TimerJobData): Promise<void> {
    await this.queue.add('timer', data, {
      jobId: timerId,
      delay: Math.max(0, new Date(data.dueAt).getTime() - this.clock().getTime()),
      attempts: this.retry.attempts,
      backoff: { type: 'exponential', delay: this.retry.backoffMs },
      removeOnComplete: true,
      removeOnFail: true,
    });
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

  private rearmKey(): string {
    return `${this.prefix}:${this.options.queueName}:rearm`;
  }

  // Under the queue's own prefix, so deleting the queue's keys deletes the checkpoint too.
  private checkpointKey(name: string): string {
    return `${this.prefix}:${this.options.queueName}:checkpoint:${name}`;
  }
}

function parseTimer(entry: string): PendingTimer {
  const { dueAt, payload } = JSON.parse(entry) as { dueAt: string; payload: TimerPayload };
  return { dueAt: new Date(dueAt), payload };
}
