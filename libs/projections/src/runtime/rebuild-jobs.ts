import type { ProjectionFailure, RebuildProgress } from './projection-status';

interface JobWaiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** The outcome of a projection's rebuilds, for status and for callers awaiting a switch. */
export class RebuildJobs {
  /** The last finished rebuild, shown until the next one starts. */
  last: RebuildProgress | undefined;
  private readonly finishedIds = new Set<string>();
  private readonly waiters = new Map<string, Set<JobWaiter>>();

  finished(progress: RebuildProgress): void {
    this.last = progress;
    this.finishedIds.add(progress.jobId);
    for (const waiter of this.take(progress.jobId)) waiter.resolve();
  }

  failed(jobId: string, failure: ProjectionFailure): void {
    const error = new Error(`Rebuild ${jobId} stopped: ${failure.message}`);
    for (const waiter of this.take(jobId)) waiter.reject(error);
  }

  /** Resolves when job `jobId` has switched in; rejects when it fails or `signal` aborts. */
  wait(jobId: string, signal: AbortSignal): Promise<void> {
    if (this.finishedIds.has(jobId)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiters = this.waiters.get(jobId) ?? new Set<JobWaiter>();
      this.waiters.set(jobId, waiters);
      const abort = (): void => {
        waiters.delete(waiter);
        reject(signal.reason instanceof Error ? signal.reason : new Error('Wait aborted'));
      };
      const waiter: JobWaiter = {
        resolve: () => {
          signal.removeEventListener('abort', abort);
          resolve();
        },
        reject: (error) => {
          signal.removeEventListener('abort', abort);
          reject(error);
        },
      };
      waiters.add(waiter);
      signal.addEventListener('abort', abort, { once: true });
    });
  }

  private take(jobId: string): JobWaiter[] {
    const waiters = [...(this.waiters.get(jobId) ?? [])];
    this.waiters.delete(jobId);
    return waiters;
  }
}
