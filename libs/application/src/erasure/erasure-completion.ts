import { Logger } from '@nestjs/common';
import type { KeyStore } from '../privacy/key-store.port';
import type { ErasedSubjects } from './erased-subjects';
import { FaultPoints } from './fault-points';
import type { PersonalDataRemnants } from './personal-data-remnants.port';

export interface ErasureCompletionOptions {
  keyStore: KeyStore;
  remnants: PersonalDataRemnants;
  erased: ErasedSubjects;
  faults?: FaultPoints;
  /** First wait before destruction that failed is tried again; it doubles up to `maxRetryMs`. */
  firstRetryMs?: number;
  maxRetryMs?: number;
}

/**
 * Carries out stored erasures: destroys the subjects' keys, then their remnants on the command
 * side. Idempotent, one run at a time. A run that fails (a locked or full file) leaves the
 * subjects pending in `ErasedSubjects`, so nothing decrypts them, and is retried until it is done.
 */
export class ErasureCompletion {
  private readonly logger = new Logger('Erasure');
  private readonly faults: FaultPoints;
  private queue: Promise<unknown> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs: number;
  private closed = false;

  constructor(private readonly options: ErasureCompletionOptions) {
    this.faults = options.faults ?? FaultPoints.none;
    this.retryMs = options.firstRetryMs ?? 100;
  }

  /** The erasure of `subjects` is (about to be) stored: from now on they read as erased. */
  announce(subjects: readonly string[]): void {
    this.options.erased.add(subjects);
  }

  /** An announced erasure was not stored after all (its append failed). */
  withdraw(subjects: readonly string[]): void {
    this.options.erased.settle(subjects);
  }

  /**
   * Announces the subjects and destroys what is left of them now. Never throws: a failure is
   * logged and retried in the background, the subjects staying erased meanwhile. Resolves with
   * whether everything is destroyed.
   */
  async finish(subjects: readonly string[]): Promise<boolean> {
    this.announce(subjects);
    const done = await this.serialised(() => this.destroy(subjects));
    if (!done) this.scheduleRetry();
    return done;
  }

  /** Subjects whose destruction is still to be done. */
  get pending(): string[] {
    return this.options.erased.list();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
  }

  // Each part is tried even when another failed: a locked key file must not keep the hashes.
  private async destroy(subjects: readonly string[]): Promise<boolean> {
    if (subjects.length === 0) return true;
    const keysGone = await this.attempt(subjects, 'keys', async () => {
      for (const subject of subjects) await this.options.keyStore.destroy(subject);
      this.faults.reach('erase.after-keys-destroyed');
    });
    const remnantsGone = await this.attempt(subjects, 'hashes and idempotency records', () =>
      this.options.remnants.forget(subjects),
    );
    if (!keysGone || !remnantsGone) return false;
    this.options.erased.settle(subjects);
    return true;
  }

  private async attempt(
    subjects: readonly string[],
    what: string,
    work: () => Promise<void>,
  ): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        `Erasure of ${subjects.length} subject(s) is stored, but destroying their ${what} ` +
          `failed and will be retried (they read as erased meanwhile): ${reason}`,
      );
      return false;
    }
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.retryPending();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs ?? 5000);
  }

  private async retryPending(): Promise<void> {
    const pending = this.pending;
    const done = await this.serialised(() => this.destroy(pending));
    if (done) this.retryMs = this.options.firstRetryMs ?? 100;
    else this.scheduleRetry();
  }
}
