/** A held lease: while it holds, no other worker applies the projection. */
export interface HeldLease {
  /** Aborts when the lease is lost (expired or taken over): the holder must stop applying. */
  readonly lost: AbortSignal;
  /**
   * The fencing token of this acquisition, when the lease hands them out: strictly greater than
   * every earlier holder's, so a store that remembers the highest token it saw can refuse a
   * stale holder's writes. The in-process lease has none (one process cannot race itself).
   */
  readonly token?: string;
  release(): Promise<void>;
}

/**
 * Keeps two workers from applying the same projection at once. It is an optimisation, not the
 * safety net: a worker that lost its lease without noticing is refused by the read store's
 * checkpoint fence (CheckpointMovedError) on its next batch, so it cannot double-apply.
 */
export interface ProjectionLease {
  /** The lease when it is free now; undefined when another worker holds it. */
  tryAcquire(projection: string): Promise<HeldLease | undefined>;
  /** Resolves when the lease may have become free, or at once when `signal` aborts. */
  released(projection: string, signal: AbortSignal): Promise<void>;
}

/** Nest injection token for the {@link ProjectionLease}. */
export const PROJECTION_LEASE = Symbol('PROJECTION_LEASE');

/**
 * The lease within one process: enough for the embedded mode, where the event store already
 * refuses a second process. Share one instance between every runtime of the process.
 */
export class InProcessProjectionLease implements ProjectionLease {
  private readonly held = new Set<string>();
  private readonly waiters = new Map<string, Set<() => void>>();

  tryAcquire(projection: string): Promise<HeldLease | undefined> {
    if (this.held.has(projection)) return Promise.resolve(undefined);
    this.held.add(projection);
    let released = false;
    return Promise.resolve({
      lost: new AbortController().signal,
      release: () => {
        if (!released) {
          released = true;
          this.release(projection);
        }
        return Promise.resolve();
      },
    });
  }

  released(projection: string, signal: AbortSignal): Promise<void> {
    if (!this.held.has(projection) || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = this.waiters.get(projection) ?? new Set();
      this.waiters.set(projection, waiters);
      const wake = (): void => {
        waiters.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      waiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  private release(projection: string): void {
    this.held.delete(projection);
    for (const wake of [...(this.waiters.get(projection) ?? [])]) wake();
  }
}

/**
 * The lease of a process that runs no projectors (CHRONICLE_ROLES without `projectors`): never
 * granted, so its runtime only serves reads from what other processes commit. `released` wakes the
 * waiting runtime every `lookEveryMs`, the way a shared lease's waiter looks again.
 */
export class NeverGrantedLease implements ProjectionLease {
  constructor(private readonly lookEveryMs = 1000) {}

  tryAcquire(): Promise<HeldLease | undefined> {
    return Promise.resolve(undefined);
  }

  released(_projection: string, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, this.lookEveryMs);
      signal.addEventListener('abort', wake, { once: true });
    });
  }
}
