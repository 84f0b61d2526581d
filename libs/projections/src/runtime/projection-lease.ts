/** A held lease: while it holds, no other worker applies the projection. */
export interface HeldLease {
  /** Aborts when the lease is lost (expired or taken over): the holder must stop applying. */
  readonly lost: AbortSignal;
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
