export * from './timer-scheduler.port';
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
export {
  QUEUE_MODULE_OPTIONS,
  REBUILD_QUEUE,
  REDIS_HEALTH,
  SLA_TIMER_QUEUE,
  SLA_TIMER_STORE,
  type QueueModuleOptions,
} from './module/queue-options';
// leases
export { LeasedWork, type LeasedWorkOptions } from './leases/leased-work';
