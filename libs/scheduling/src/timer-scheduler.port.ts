/** JSON data carried by a timer and handed back, as stored, when it fires. */
export type TimerPayload = { [key: string]: string | number | boolean | null };

/** A timer whose due time has come, as its handler receives it. */
export interface DueTimer {
  timerId: string;
  dueAt: Date;
  payload: TimerPayload;
  /** 1 on the first delivery; more when an earlier delivery failed and this one retries it. */
  attempt: number;
}

/**
 * Called once a timer is due. Delivery is at least once: a crash or a stalled worker may deliver
 * the same timer again, so a handler must be idempotent. A rejection retries it with backoff.
 */
export type TimerHandler = (timer: DueTimer) => Promise<void>;

/** A timer still waiting to fire. */
export interface PendingTimer {
  dueAt: Date;
  payload: TimerPayload;
}

/**
 * Durable delayed callbacks. A timer is pending from `schedule` until its handler succeeds (or
 * gives up after its retries) or it is cancelled; then it is forgotten, and scheduling the same
 * id again arms it anew. Timers due in the past fire as soon as the scheduler runs.
 */
export interface TimerScheduler {
  /** Arms `timerId`; while it is pending, scheduling it again changes nothing. */
  schedule(timerId: string, dueAt: Date, payload: TimerPayload): Promise<void>;
  /** Forgets a pending timer; a timer already firing or unknown is left alone. */
  cancel(timerId: string): Promise<void>;
  /** The pending timer, or undefined. */
  pending(timerId: string): Promise<PendingTimer | undefined>;
  /** The one handler of this scheduler; set it before `start`. */
  onDue(handler: TimerHandler): void;
  /** Starts firing due timers. Scheduling works before start too. */
  start(): Promise<void>;
  /** Stops firing after the handlers in flight finish, and releases connections and files. */
  stop(): Promise<void>;
}

/**
 * A subscriber's last handled position, kept in the same store as its timers, so losing the
 * timers (a Redis flush) loses the checkpoint with them and the subscriber replays from the start.
 */
export interface CheckpointStore {
  load(name: string): Promise<string | undefined>;
  save(name: string, position: string): Promise<void>;
  /**
   * Moves a checkpoint that is stored; writes nothing and answers false when there is none, which
   * after a `save` means the store lost it (and the timers with it: a Redis restarted empty).
   */
  saveExisting(name: string, position: string): Promise<boolean>;
}

/** Retries of a failing handler: `attempts` deliveries in all, doubling from `backoffMs`. */
export interface TimerRetryPolicy {
  attempts: number;
  backoffMs: number;
}

export const DEFAULT_TIMER_RETRY: TimerRetryPolicy = { attempts: 10, backoffMs: 1000 };

/** Delay before retry number `failures` (1-based) under `policy`. */
export function retryDelayMs(policy: TimerRetryPolicy, failures: number): number {
  return policy.backoffMs * 2 ** Math.max(0, failures - 1);
}
