interface Pending<Request, Result> {
  request: Request;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/** What a batch commit reports for each request: its result, or the error that refused it alone. */
export type Outcome<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

/**
 * Makes a committed batch durable: resolves once it is on the disk, or answers undefined when the
 * batch needs no fsync of its own (the next one will cover it).
 */
export type MakeDurable<Request> = (requests: readonly Request[]) => Promise<void> | undefined;

/**
 * Group commit: requests that arrive while the event loop is busy are written by one transaction
 * and so share one fsync, which is what makes durable appends fast (one fsync per append caps a
 * disk at a few thousand per second). `commitBatch` runs synchronously and either commits the
 * whole batch, giving each request its own outcome, or throws, failing every request in it.
 *
 * With `durable`, the commit itself does not wait for the disk: the batch's requests are settled
 * once `durable` (called right after the commit) resolves, and all fail if it rejects. While that
 * fsync runs, the event loop serves other work and the requests arriving meanwhile wait to form
 * the next batch: a commit made during an fsync could not be acknowledged before the next fsync
 * anyway, and one larger batch costs less than several small ones. So one fsync per group, and
 * one group in flight per file.
 */
export class GroupCommitter<Request, Result> {
  private queue: Pending<Request, Result>[] = [];
  private scheduled = false;
  private syncing = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly commitBatch: (requests: Request[]) => Outcome<Result>[],
    private readonly maxBatch = 1000,
    private readonly durable?: MakeDurable<Request>,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every request submitted so far has been committed or refused. */
  drain(): Promise<void> {
    if (this.queue.length === 0 && !this.scheduled && !this.syncing) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.syncing) return;
    this.scheduled = true;
    // setImmediate rather than a microtask: requests arriving through I/O callbacks in this
    // turn of the loop still join the batch.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, this.maxBatch);
    let outcomes: Outcome<Result>[];
    try {
      outcomes = this.commitBatch(batch.map((pending) => pending.request));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      this.next();
      return;
    }
    const syncing = this.durable?.(batch.map((pending) => pending.request));
    if (!syncing) {
      settle(batch, outcomes);
      this.next();
      return;
    }
    this.syncing = true;
    void syncing
      .then(
        () => settle(batch, outcomes),
        (error: unknown) => {
          for (const pending of batch) pending.reject(error);
        },
      )
      .finally(() => {
        this.syncing = false;
        this.next();
      });
  }

  private next(): void {
    if (this.queue.length > 0) {
      this.schedule();
      return;
    }
    if (this.scheduled || this.syncing) return;
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
