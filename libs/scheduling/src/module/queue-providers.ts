import { join } from 'node:path';
import { Logger, type Provider } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { CHRONICLE_CONFIG, type ChronicleConfig, hasProcessRole } from '@chronicle/platform';
import { ProjectorRuntime } from '@chronicle/projections';
import { BullMqProjectionRebuilds } from '../adapters/bullmq/bullmq-projection-rebuilds';
import { BullMqTimerScheduler } from '../adapters/bullmq/bullmq-timer-scheduler';
import { RedisHealthProbe, type RedisState } from '../adapters/bullmq/redis-health';
import { SqliteTimerScheduler } from '../adapters/embedded/sqlite-timer-scheduler';
import {
  InProcessProjectionRebuilds,
  PROJECTION_REBUILDS,
  type ProjectionRebuilds,
} from '../rebuilds/projection-rebuilds';
import { SlaTimerService } from '../sla/sla-timer-service';
import { type TimerScheduler, type CheckpointStore } from '../timer-scheduler.port';
import {
  QUEUE_MODULE_OPTIONS,
  type QueueModuleOptions,
  REBUILD_QUEUE,
  SLA_TIMER_QUEUE,
  SLA_TIMER_STORE,
  REDIS_HEALTH,
} from './queue-options';

const logger = new Logger('Queues');
const giveUp = (timerId: string, error: unknown) =>
  logger.error(`Timer ${timerId} dropped after its last attempt: ${String(error)}`);

function logRedisState(state: RedisState, reason?: string): void {
  if (state === 'up') logger.log('Redis is reachable');
  else logger.warn(`Redis is unreachable${reason ? `: ${reason}` : ''}; retrying`);
}

/** The SLA timers' store: BullMQ when REDIS_URL is set, else `<dataDir>/timers.sqlite`. */
export async function openTimerStore(
  config: ChronicleConfig,
  options: QueueModuleOptions,
): Promise<TimerScheduler & CheckpointStore> {
  if (!config.redisUrl) {
    const path = join(config.dataDir, 'timers.sqlite');
    return new SqliteTimerScheduler({ path, clock: options.clock, onGiveUp: giveUp });
  }
  return BullMqTimerScheduler.connect({
    redisUrl: config.redisUrl,
    queueName: SLA_TIMER_QUEUE,
    prefix: options.prefix ?? config.redisPrefix,
    clock: options.clock,
    onGiveUp: giveUp,
  });
}

async function openRebuilds(
  config: ChronicleConfig,
  options: QueueModuleOptions,
  runtime: ProjectorRuntime,
): Promise<ProjectionRebuilds> {
  if (!config.redisUrl || options.rebuildJobs === false) {
    return new InProcessProjectionRebuilds(runtime);
  }
  return BullMqProjectionRebuilds.connect({
    redisUrl: config.redisUrl,
    runtime,
    // A process without projectors only enqueues: the rebuild runs where projections run.
    process: hasProcessRole(config, 'projectors'),
    queueName: REBUILD_QUEUE,
    prefix: options.prefix ?? config.redisPrefix,
  });
}

/** The SLA timers over `timers`, logging each breach it records. */
export function slaTimerService(
  eventStore: EventStore,
  timers: TimerScheduler & CheckpointStore,
  options: QueueModuleOptions,
): SlaTimerService {
  return new SlaTimerService({
    eventStore,
    timers,
    clock: options.clock,
    onFired: (timer, outcome) => {
      if (outcome === 'recorded') logger.log(`SLA breached: ${timer.timerId}`);
      options.onSlaTimerFired?.(timer, outcome);
    },
    onError: (error) => logger.warn(`SLA timer feed paused: ${String(error)}`),
  });
}

/** Every provider of the queue module, chosen by REDIS_URL. */
export const queueProviders: Provider[] = [
  {
    provide: SLA_TIMER_STORE,
    inject: [CHRONICLE_CONFIG, QUEUE_MODULE_OPTIONS],
    useFactory: openTimerStore,
  },
  {
    provide: SlaTimerService,
    inject: [EVENT_STORE, SLA_TIMER_STORE, QUEUE_MODULE_OPTIONS],
    useFactory: slaTimerService,
  },
  {
    provide: PROJECTION_REBUILDS,
    inject: [CHRONICLE_CONFIG, QUEUE_MODULE_OPTIONS, ProjectorRuntime],
    useFactory: openRebuilds,
  },
  {
    provide: REDIS_HEALTH,
    inject: [CHRONICLE_CONFIG],
    useFactory: (config: ChronicleConfig) =>
      config.redisUrl ? new RedisHealthProbe(config.redisUrl, logRedisState) : null,
  },
];
