// `@chronicle/scheduling/bullmq`: timers, the command queue and rebuild jobs on BullMQ + Redis.
export { BullMqTimerScheduler, type BullMqTimerSchedulerOptions } from './bullmq-timer-scheduler';
export { CommandQueueWorker, type CommandQueueWorkerOptions } from './command-queue-worker';
export {
  BullMqProjectionRebuilds,
  type BullMqProjectionRebuildsOptions,
} from './bullmq-projection-rebuilds';
export { RedisHealthProbe, type RedisState } from './redis-health';
export { deleteKeysWithPrefix } from './redis-connections';
export { RedisLease, type RedisLeaseOptions } from './redis-lease';
