import { comparePositions } from '@chronicle/event-store';

interface Waiter {
  position: string;
  resolve: () => void;
}

/**
 * Callers waiting for a projection to reach a position. The projector calls `reached` on each
 * commit; nothing polls.
 */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  /** Resolves once `reached` has been called with `position` or later; never on its own. */
  wait(position: string, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve: () => {
          signal.removeEventListener('abort', abort);
          resolve();
        },
      };
      const abort = (): void => {
        this.waiters.delete(waiter);
        reject(signal.reason instanceof Error ? signal.reason : new Error('Wait aborted'));
      };
      this.waiters.add(waiter);
      signal.addEventListener('abort', abort, { once: true });
    });
  }

  reached(position: string): void {
    for (const waiter of this.waiters) {
      if (comparePositions(waiter.position, position) <= 0) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
