import type { CommandRequest, CommandResult } from '@chronicle/application';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  COMMAND_QUEUE_NAME,
  COMMAND_QUEUE_PREFIX,
  commandJobFailure,
  commandRequestOf,
} from '../../command-queue/command-job';
import { closeConnection, workerConnection } from './redis-connections';

export interface CommandQueueWorkerOptions {
  redisUrl: string;
  /** Runs one command through the same pipeline as HTTP (the CommandBus). */
  execute: (request: CommandRequest) => Promise<CommandResult>;
  /** Default `chronicle-commands`; the contract fixes it, tests may not. */
  queueName?: string;
  /** Default `bull`, BullMQ's own. */
  prefix?: string;
  /** Jobs processed at once; commands on one stream still run one at a time. Default 50. */
  concurrency?: number;
  /** Finished jobs are kept this long unless the producer asked otherwise. Default 24 h. */
  keepFinishedSeconds?: number;
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Consumes `chronicle-commands` (docs/api.md): each job runs through the command pipeline; its
 * return value is the 201 body, its failure reason the JSON error body. Refusals fail the job at
 * once (UnrecoverableError), transient failures are thrown as such so BullMQ retries them with
 * the producer's `attempts` and `backoff`.
 *
 * What the worker can enforce: `removeOnComplete`/`removeOnFail` of its own options apply to jobs
 * whose producer set none. A producer's own setting on a job wins (BullMQ's rule), so the contract
 * asks producers not to remove finished jobs earlier than 24 h.
 */
export class CommandQueueWorker {
  private constructor(
    private readonly worker: Worker<unknown, CommandResult>,
    private readonly connection: Redis,
  ) {}

  static async start(options: CommandQueueWorkerOptions): Promise<CommandQueueWorker> {
    const queueName = options.queueName ?? COMMAND_QUEUE_NAME;
    const connection = workerConnection(options.redisUrl, `${queueName}:worker`);
    const keep = Math.max(options.keepFinishedSeconds ?? DAY_SECONDS, 0);
    const worker = new Worker<unknown, CommandResult>(
      queueName,
      (job: Job<unknown, CommandResult>) => processCommandJob(job, queueName, options.execute),
      {
        connection,
        prefix: options.prefix ?? COMMAND_QUEUE_PREFIX,
        concurrency: options.concurrency ?? 50,
        removeOnComplete: { age: keep },
        removeOnFail: { age: keep },
      },
    );
    // Connection errors are retried by BullMQ; /health reports Redis.
    worker.on('error', () => undefined);
    await worker.waitUntilReady();
    return new CommandQueueWorker(worker, connection);
  }

  /** Stops taking jobs and waits for those in hand. */
  async close(): Promise<void> {
    await this.worker.close();
    await closeConnection(this.connection);
  }
}

async function processCommandJob(
  job: Job<unknown, CommandResult>,
  queueName: string,
  execute: CommandQueueWorkerOptions['execute'],
): Promise<CommandResult> {
  try {
    return await execute(commandRequestOf(job, queueName));
  } catch (error) {
    const failure = commandJobFailure(error);
    const reason = JSON.stringify(failure.body);
    throw failure.retry ? new Error(reason) : new UnrecoverableError(reason);
  }
}
