import type { HeldLease, ProjectionLease } from '@chronicle/projections';
import { abortableDelay } from './abortable-delay';

export interface LeasedWorkOptions {
  lease: ProjectionLease;
  /** The lease's name: one holder of it in the whole deployment does the work. */
  name: string;
  /**
   * Starts one term of the work and answers how to stop it. Called each time this process takes
   * the lease, so it builds the work afresh: a term that ended is never resumed.
   */
  start: () => Promise<() => Promise<void>>;
  /** Told what happened to the lease (taken, lost, a start that failed). */
  onChange?: (message: string, level: 'log' | 'warn' | 'error') => void;
  /** Wait after a start that failed before trying again. Default 1 s. */
  retryDelayMs?: number;
}

/**
 * Work that one process of many does at a time (the SLA timer feed, webhook dispatch): waits for
 * the lease, starts the work, stops it when the lease is lost or the process stops, and waits
 * for the lease again. Whoever holds it next starts where the shared stores say the work stands.
 */
export class LeasedWork {
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  private holding = false;

  constructor(private readonly options: LeasedWorkOptions) {}

  /** Whether this process does the work right now. */
  get active(): boolean {
    return this.holding;
  }

  /** Starts contending in the background. */
  start(): void {
    this.loop ??= this.contend();
  }

  /** Stops the work after its current step and lets go of the lease. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private async contend(): Promise<void> {
    const { lease, name } = this.options;
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      const held = await lease.tryAcquire(name).catch((error: unknown) => {
        this.tell(`Lease ${name} unavailable: ${String(error)}`, 'warn');
        return undefined;
      });
      if (!held) {
        await lease.released(name, signal);
        continue;
      }
      if (signal.aborted) {
        await held.release();
        return;
      }
      await this.holdAndWork(held);
    }
  }

  private async holdAndWork(held: HeldLease): Promise<void> {
    const { name } = this.options;
    let stopWork: () => Promise<void>;
    try {
      stopWork = await this.options.start();
    } catch (error) {
      this.tell(`${name} failed to start: ${String(error)}`, 'error');
      await held.release();
      await abortableDelay(this.options.retryDelayMs ?? 1000, this.stopping.signal);
      return;
    }
    this.holding = true;
    this.tell(`${name}: this process holds the lease (token ${held.token ?? 'local'})`, 'log');
    await firstAbort([held.lost, this.stopping.signal]);
    this.holding = false;
    if (held.lost.aborted) this.tell(`${name}: lease lost, stopping`, 'warn');
    await stopWork().catch((error: unknown) => this.tell(`${name} stop: ${String(error)}`, 'warn'));
    await held.release();
  }

  private tell(message: string, level: 'log' | 'warn' | 'error'): void {
    this.options.onChange?.(message, level);
  }
}

function firstAbort(signals: AbortSignal[]): Promise<void> {
  const any = AbortSignal.any(signals);
  if (any.aborted) return Promise.resolve();
  return new Promise((resolve) => any.addEventListener('abort', () => resolve(), { once: true }));
}
