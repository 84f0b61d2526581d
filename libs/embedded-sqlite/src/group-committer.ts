interface Pending<Request, Result> {
  request: Request;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/** What a batch commit reports for each request: its result, or the error that refused it alone. */
export type Outcome<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

/**
 * Group commit: requests that arrive while the event loop is busy are written by one transaction
 * and so share one fsync, which is what makes durable appends fast (one fsync per append caps a
 * disk at a few thousand per second). `commitBatch` runs synchronously and either commits the
 * whole batch, giving each request its own outcome, or throws, failing every request in it.
 *
 * With `durable`, the commit itself does not wait for the disk: the batch's requests are settled
 * only once `durable()` (called right after the commit) resolves, and all fail if it rejects.
 * Meanwhile the next batch may already be written, so batches overlap with the previous fsync.
 */
export class GroupCommitter<Request, Result> {
  private queue: Pending<Request, Result>[] = [];
  private scheduled = false;
  private syncing = 0;
  private idle: (() => void)[] = [];

  constructor(
    private readonly commitBatch: (requests: Request[]) => Outcome<Result>[],
    private readonly maxBatch = 1000,
    private readonly durable?: () => Promise<void>,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every request submitted so far has been committed or refused. */
  drain(): Promise<void> {
    if (this.queue.length === 0 && !this.scheduled && this.syncing === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate rather than a microtask: requests arriving through I/O callbacks in this
    // turn of the loop still join the batch.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, this.maxBatch);
    if (this.queue.length > 0) this.schedule();
    let outcomes: Outcome<Result>[];
    try {
      outcomes = this.commitBatch(batch.map((pending) => pending.request));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      this.settleIdle();
      return;
    }
    if (!this.durable) {
      settle(batch, outcomes);
      this.settleIdle();
      return;
    }
    this.syncing += 1;
    void this.durable()
      .then(
        () => settle(batch, outcomes),
        (error: unknown) => {
          for (const pending of batch) pending.reject(error);
        },
      )
      .finally(() => {
        this.syncing -= 1;
        this.settleIdle();
      });
  }

  private settleIdle(): void {
    if (this.queue.length > 0 || this.scheduled || this.syncing > 0) return;
    const waiting = this.idle;
    this.idle = [];
    for (const resolve of waiting) resolve();
  }
}

function settle<Request, Result>(
  batch: readonly Pending<Request, Result>[],
  outcomes: readonly Outcome<Result>[],
): void {
  batch.forEach((pending, index) => {
    const outcome = outcomes[index];
    if (outcome?.ok) pending.resolve(outcome.value);
    else pending.reject(outcome ? outcome.error : new Error('missing outcome'));
  });
}
