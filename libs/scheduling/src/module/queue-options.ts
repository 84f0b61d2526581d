import { type BreachOutcome } from '../sla/sla-breach-recorder';
import { type DueTimer } from '../timer-scheduler.port';
import type { SharedLeaseTimings } from './shared-lease.module';

/** Nest injection token for the {@link QueueModuleOptions}. */
export const QUEUE_MODULE_OPTIONS = Symbol('QUEUE_MODULE_OPTIONS');
/** Nest injection token for the SLA timers' scheduler (and checkpoint store). */
export const SLA_TIMER_STORE = Symbol('SLA_TIMER_STORE');
/** Nest injection token of the Redis health probe `/health` reports (null without Redis). */
export const REDIS_HEALTH = Symbol('REDIS_HEALTH');
export const SLA_TIMER_QUEUE = 'chronicle-sla-timers';
export const REBUILD_QUEUE = 'chronicle-projection-rebuilds';

/**
 * What the queue module runs; every part is on by default, as in the one-process server.
 * CHRONICLE_ROLES turns parts off for the process as a whole.
 */
export interface QueueModuleOptions {
  /** The SLA timers' notion of now. Default: the system clock. */
  clock?: () => Date;
  /**
   * BullMQ key prefix of the SLA timer and rebuild queues. Default CHRONICLE_REDIS_PREFIX
   * (`bull`); tests use their own. The command queue's name is the contract's and its prefix
   * CHRONICLE_REDIS_PREFIX, unless `commandQueue` says otherwise.
   */
  prefix?: string;
  slaTimers?: boolean;
  /** Off, or on (Redis only) with an optional other name/prefix for tests. */
  commandQueue?: false | { queueName?: string; prefix?: string; concurrency?: number };
  /** Rebuilds through BullMQ when Redis is configured. Default true. */
  rebuildJobs?: boolean;
  /** Told what each fired SLA timer did, besides the log line of a recorded breach. */
  onSlaTimerFired?: (timer: DueTimer, outcome: BreachOutcome) => void;
  /** The shared lease's timings (when several processes share the work); tests make them short. */
  lease?: SharedLeaseTimings;
}
