import type { DueTimer, TimerHandler } from '../timer-scheduler.port';

export interface RecordedFire extends DueTimer {
  /** Wall-clock time of the delivery, in ms. */
  firedAt: number;
}

/** A handler that records deliveries and lets a test wait for them instead of sleeping. */
export class TimerRecorder {
  readonly fires: RecordedFire[] = [];
  private readonly waiters: Array<{ done: () => boolean; resolve: () => void }> = [];
  /** Deliveries of these timer ids reject this many more times before succeeding. */
  readonly failuresLeft = new Map<string, number>();

  readonly handler: TimerHandler = (timer) => {
    this.fires.push({ ...timer, firedAt: Date.now() });
    this.wake();
    const left = this.failuresLeft.get(timer.timerId) ?? 0;
    if (left > 0) {
      this.failuresLeft.set(timer.timerId, left - 1);
      return Promise.reject(new Error(`planned failure of ${timer.timerId}`));
    }
    return Promise.resolve();
  };

  firesOf(timerId: string): RecordedFire[] {
    return this.fires.filter((fire) => fire.timerId === timerId);
  }

  /** Resolves once `timerId` has been delivered `count` times; rejects after `timeoutMs`. */
  waitFor(timerId: string, count = 1, timeoutMs = 5000): Promise<void> {
    return this.until(() => this.firesOf(timerId).length >= count, timeoutMs, timerId);
  }

  private until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`${what} did not fire in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push({
        done,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) {
      if (!waiter.done()) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}
