import { setTimeout as delay } from 'node:timers/promises';
import { comparePositions, type EventStore } from '@chronicle/event-store';
import type { SigningKey } from '../checkpoints/signing-key';
import type { TreeStore } from '../tree-store.port';
import type { IntegrityProblem } from '../verify/integrity-problem';
import { checkTail } from './tail-check';
import { TreeBuilder } from './tree-builder';

export interface TreeFollowerOptions {
  eventStore: EventStore;
  store: TreeStore;
  key: SigningKey;
  checkpointEvery?: number;
  checkpointIntervalMs?: number;
  batchSize?: number;
  log?: (level: 'log' | 'warn' | 'error', message: string) => void;
}

export type FollowerState = 'starting' | 'following' | 'halted' | 'stopped';

const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

/**
 * Keeps the tree level with the log through the event store port alone (so it works on either
 * adapter): on start it checks the stored tail against the log, then follows the global order
 * from its last leaf, signing checkpoints every `checkpointEvery` leaves and every interval.
 * A tail that no longer matches halts it: the tree keeps the evidence and grows no further.
 */
export class TreeFollower {
  readonly builder: TreeBuilder;
  state: FollowerState = 'starting';
  /** Why the follower halted. */
  haltedBy: IntegrityProblem | undefined;
  private reached: string;
  private readonly waiters = new Set<{ position: string; resolve: () => void }>();
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: TreeFollowerOptions) {
    this.builder = new TreeBuilder({
      store: options.store,
      key: options.key,
      checkpointEvery: options.checkpointEvery ?? 1000,
    });
    this.reached = this.builder.position;
  }

  /** Resolves once the tail is checked; following goes on in the background. */
  async start(): Promise<void> {
    const problem = await checkTail(this.options.eventStore, this.options.store);
    if (problem) {
      this.state = 'halted';
      this.haltedBy = problem;
      this.options.log?.(
        'error',
        `Integrity tree halted: the log no longer matches it (${problem.kind} at position ${problem.position ?? '?'})`,
      );
      return;
    }
    if (!this.builder.latestCheckpoint) this.builder.signIfBehind();
    this.state = 'following';
    this.loop = this.follow();
    this.timer = setInterval(
      () => this.signIfBehind(),
      this.options.checkpointIntervalMs ?? 60_000,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.state !== 'halted') this.state = 'stopped';
    clearInterval(this.timer);
    this.stopping.abort();
    await this.loop;
  }

  /** Resolves true once the tree covers the log up to `position`, false after `timeoutMs`. */
  async waitFor(position: string, timeoutMs: number): Promise<boolean> {
    if (comparePositions(this.reached, position) >= 0) return true;
    if (this.state !== 'following') return false;
    let waiter: { position: string; resolve: () => void } | undefined;
    const reached = new Promise<boolean>((resolve) => {
      waiter = { position, resolve: () => resolve(true) };
      this.waiters.add(waiter);
    });
    const timeout = new AbortController();
    const expired = delay(timeoutMs, false, { signal: timeout.signal }).catch(() => false);
    const outcome = await Promise.race([reached, expired]);
    timeout.abort();
    if (waiter) this.waiters.delete(waiter);
    return outcome;
  }

  private signIfBehind(): void {
    try {
      this.builder.signIfBehind();
    } catch (error) {
      this.options.log?.('warn', `Could not sign a checkpoint: ${(error as Error).message}`);
    }
  }

  private async follow(): Promise<void> {
    const signal = this.stopping.signal;
    for (let failures = 0; !signal.aborted;) {
      try {
        const batches = this.options.eventStore.subscribe({
          after: this.builder.position,
          // Small pages: each is read, hashed and written in one turn of the event loop.
          batchSize: this.options.batchSize ?? 250,
          signal,
        });
        for await (const batch of batches) {
          this.builder.add(batch.events);
          this.advance(batch.checkpoint);
          failures = 0;
        }
        throw new Error('the event store ended the subscription');
      } catch (error) {
        if (signal.aborted) return;
        const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]!;
        failures += 1;
        this.options.log?.(
          'warn',
          `Integrity tree paused, retrying in ${wait} ms: ${(error as Error).message}`,
        );
        await delay(wait, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  private advance(position: string): void {
    this.reached = position;
    for (const waiter of this.waiters) {
      if (comparePositions(waiter.position, position) <= 0) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
