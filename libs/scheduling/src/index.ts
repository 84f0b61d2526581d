export * from './timer-scheduler.port';
export {
  SqliteTimerScheduler,
  type SqliteTimerSchedulerOptions,
} from './adapters/embedded/sqlite-timer-scheduler';
export {
  BullMqTimerScheduler,
  type BullMqTimerSchedulerOptions,
} from './adapters/bullmq/bullmq-timer-scheduler';
export {
  CommandQueueWorker,
  type CommandQueueWorkerOptions,
} from './adapters/bullmq/command-queue-worker';
export {
  BullMqProjectionRebuilds,
  type BullMqProjectionRebuildsOptions,
} from './adapters/bullmq/bullmq-projection-rebuilds';
export { RedisHealthProbe, type RedisState } from './adapters/bullmq/redis-health';
export { deleteKeysWithPrefix } from './adapters/bullmq/redis-connections';
export {
  COMMAND_QUEUE_NAME,
  COMMAND_QUEUE_PREFIX,
  commandJobFailure,
  commandRequestOf,
  type CommandJob,
  type CommandJobData,
  type CommandJobFailure,
} from './command-queue/command-job';
export {
  InProcessProjectionRebuilds,
  PROJECTION_REBUILDS,
  type ProjectionRebuilds,
  type RebuildRuntime,
} from './rebuilds/projection-rebuilds';
export { runRebuild, type RebuildJobProgress } from './rebuilds/run-rebuild';
export { SlaTimerService, type SlaTimerServiceOptions } from './sla/sla-timer-service';
export { SlaTimerFeed, type SlaTimerFeedOptions } from './sla/sla-timer-feed';
export { SLA_TIMER_ACTOR, SlaBreachRecorder, type BreachOutcome } from './sla/sla-breach-recorder';
export { slaBreachEventId, slaTimerId, type SlaTimerPayload } from './sla/sla-timers';
export { QueueModule } from './module/queue.module';
export {
  QUEUE_MODULE_OPTIONS,
  REBUILD_QUEUE,
  REDIS_HEALTH,
  SLA_TIMER_QUEUE,
  SLA_TIMER_STORE,
  type QueueModuleOptions,
} from './module/queue-options';
// leases
export { RedisLease, type RedisLeaseOptions } from './adapters/bullmq/redis-lease';
export { LeasedWork, type LeasedWorkOptions } from './leases/leased-work';
export {
  SHARED_LEASE,
  leasesAreShared,
  type SharedLeaseTimings,
} from './module/shared-lease.module';
export { SLA_TIMERS_LEASE } from './module/queue-lifecycle';
