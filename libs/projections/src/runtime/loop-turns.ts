import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Gives the event loop a turn when work has held it for `everyMs`: a page of thousands of events
 * is applied in microtasks only (the embedded stores never wait on I/O), and HTTP requests in the
 * same process must not wait for the whole page.
 */
export class LoopTurns {
  private since = performance.now();

  constructor(private readonly everyMs: number) {}

  /** A promise to await when a turn is due, else undefined (no await, no microtask). */
  due(): Promise<void> | undefined {
    const now = performance.now();
    if (now - this.since < this.everyMs) return undefined;
    return nextTurn().then(() => {
      this.since = performance.now();
    });
  }
}
