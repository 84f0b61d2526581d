import {
  type CheckpointStore,
  DEFAULT_TIMER_RETRY,
  type PendingTimer,
  retryDelayMs,
  type TimerHandler,
  type TimerPayload,
  type TimerRetryPolicy,
  type TimerScheduler,
} from '../../timer-scheduler.port';
import { TimerTable, type TimerRow } from './timer-table';

export interface SqliteTimerSchedulerOptions {
  /** The SQLite file, e.g. `<dataDir>/timers.sqlite`. */
  path: string;
  clock?: () => Date;
  retry?: TimerRetryPolicy;
  /** Most handlers running at once. Default 10. */
  concurrency?: number;
  /** Told about a timer dropped after its last failed attempt. */
  onGiveUp?: (timerId: string, error: unknown) => void;
}

// Node's setTimeout overflows past 2^31-1 ms; far timers are re-armed on the way.
const MAX_ARM_MS = 60 * 60 * 1000;

/**
 * The embedded {@link TimerScheduler}: pending timers in a SQLite table, and one in-process
 * timeout armed for the earliest of them. A restart loses nothing; timers that fell due while the
 * process was down fire as soon as it starts.
 */
export class SqliteTimerScheduler implements TimerScheduler, CheckpointStore {
  private readonly table: TimerTable;
  private readonly clock: () => Date;
  private readonly retry: TimerRetryPolicy;
  private readonly concurrency: number;
  private handler: TimerHandler | undefined;
  private timeout: NodeJS.Timeout | undefined;
  private running = false;
  private closed = false;
  private firing: Promise<void> | undefined;
  private fireAgain = false;
  // Timers whose handler runs now: scheduling one of them arms it again instead of being ignored.
  private readonly delivering = new Set<string>();

  constructor(private readonly options: SqliteTimerSchedulerOptions) {
    this.table = TimerTable.open(options.path);
    this.clock = options.clock ?? (() => new Date());
    this.retry = options.retry ?? DEFAULT_TIMER_RETRY;
    this.concurrency = options.concurrency ?? 10;
  }

  async schedule(timerId: string, dueAt: Date, payload: TimerPayload): Promise<void> {
    if (this.delivering.has(timerId)) {
      await this.table.rearm(timerId, dueAt.getTime(), payload);
      this.arm();
    } else if (await this.table.insert(timerId, dueAt.getTime(), payload)) {
      this.arm();
    }
  }

  cancel(timerId: string): Promise<void> {
    return this.table.delete(timerId);
  }

  pending(timerId: string): Promise<PendingTimer | undefined> {
    return Promise.resolve(this.table.get(timerId));
  }

  onDue(handler: TimerHandler): void {
    this.handler = handler;
  }

  start(): Promise<void> {
    if (!this.handler) throw new Error('Register a handler with onDue before start');
    this.running = true;
    this.arm();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    if (this.closed) return;
    this.running = false;
    clearTimeout(this.timeout);
    await this.firing;
    this.closed = true;
    await this.table.close();
  }

  load(name: string): Promise<string | undefined> {
    return Promise.resolve(this.table.loadCheckpoint(name));
  }

  save(name: string, position: string): Promise<void> {
    return this.table.saveCheckpoint(name, position);
  }

  saveExisting(name: string, position: string): Promise<boolean> {
    return this.table.updateCheckpoint(name, position);
  }

  private arm(): void {
    if (!this.running) return;
    if (this.firing) {
      this.fireAgain = true;
      return;
    }
    clearTimeout(this.timeout);
    const next = this.table.nextFireAt();
    if (next === undefined) return;
    const delay = Math.min(Math.max(0, next - this.clock().getTime()), MAX_ARM_MS);
    this.timeout = setTimeout(() => this.fire(), delay);
  }

  private fire(): void {
    this.firing = this.fireDue().finally(() => {
      this.firing = undefined;
      this.fireAgain = false;
      this.arm();
    });
  }

  private async fireDue(): Promise<void> {
    for (;;) {
      this.fireAgain = false;
      const due = this.table.due(this.clock().getTime(), this.concurrency);
      await Promise.all(due.map((row) => this.deliver(row)));
      // A full batch, or timers scheduled while it ran, may leave more due at once.
      if (!this.running || (due.length < this.concurrency && !this.fireAgain)) return;
    }
  }

  private async deliver(row: TimerRow): Promise<void> {
    this.delivering.add(row.timerId);
    try {
      await this.deliverOnce(row);
    } finally {
      this.delivering.delete(row.timerId);
    }
  }

  // Each outcome touches only the arming it delivered: one armed again meanwhile stays pending.
  private async deliverOnce(row: TimerRow): Promise<void> {
    const attempt = row.failures + 1;
    try {
      await this.handler!({
        timerId: row.timerId,
        dueAt: new Date(row.dueAt),
        payload: row.payload,
        attempt,
      });
      await this.table.finish(row);
    } catch (error) {
      if (attempt >= this.retry.attempts) {
        await this.table.finish(row);
        this.options.onGiveUp?.(row.timerId, error);
        return;
      }
      const fireAt = this.clock().getTime() + retryDelayMs(this.retry, attempt);
      await this.table.postpone(row, fireAt, attempt);
    }
  }
}
