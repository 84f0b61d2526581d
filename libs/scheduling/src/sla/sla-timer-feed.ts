import {
  comparePositions,
  type EventStore,
  type RecordedEvent,
  START_POSITION,
} from '@chronicle/event-store';
import type { CheckpointStore, TimerScheduler } from '../timer-scheduler.port';
import {
  type OpeningLookup,
  netChanges,
  type TimerChange,
  timerChangesFor,
} from './sla-timer-plan';
import { RetryWait } from './retry-wait';
import { loadTicket } from './ticket-snapshot';

export interface SlaTimerFeedOptions {
  eventStore: EventStore;
  scheduler: TimerScheduler;
  /** Where the feed keeps its position: the scheduler's own store, so both are lost together. */
  checkpoints: CheckpointStore;
  /** Checkpoint name. Default `sla-timers`. */
  name?: string;
  batchSize?: number;
  /** First wait after a failed batch (Redis or the event store down); doubles up to 30 s. */
  retryDelayMs?: number;
  /**
   * How often the feed asks the timer store for its checkpoint: a missing one means the store
   * lost it with the timers (Redis restarted empty), and an answer ends a retry wait early.
   * Default 5 s.
   */
  storeCheckMs?: number;
  onError?: (error: unknown) => void;
}

const TICKET_EVENTS = { streamPrefixes: ['ticket-'], eventTypePrefixes: ['Ticket'] };

/**
 * Keeps the SLA timers in step with the ticket streams: a checkpointed subscription that arms and
 * drops timers (see {@link timerChangesFor}). The event store is the source of truth; the timers
 * are derived from it. Its checkpoint lives beside the timers, so when they are lost (a Redis
 * flush, or a Redis restarted without persistence while the feed runs) the feed starts again from
 * the first event and every open ticket gets its timers back.
 */
export class SlaTimerFeed {
  private readonly stopping = new AbortController();
  /** The running subscription; aborted to start it again from the first event. */
  private pass = new AbortController();
  private storeLost = false;
  private readonly retryWait = new RetryWait();
  private storeCheck: NodeJS.Timeout | undefined;
  private checking = false;
  private loop: Promise<void> | undefined;
  private current = START_POSITION;
  private readonly waiters = new Set<{ position: string; resolve: () => void }>();
  private readonly name: string;

  constructor(private readonly options: SlaTimerFeedOptions) {
    this.name = options.name ?? 'sla-timers';
  }

  /** The position up to which every ticket event's timers are in place. */
  get position(): string {
    return this.current;
  }

  /** Loads the checkpoint and starts following; resolves once the subscription is open. */
  async start(): Promise<void> {
    const stored = await this.options.checkpoints.load(this.name);
    // Stored from the start, so that a checkpoint missing later can only mean the store lost it.
    if (stored === undefined) await this.options.checkpoints.save(this.name, START_POSITION);
    this.current = stored ?? START_POSITION;
    this.loop = this.follow();
    this.storeCheck = setInterval(() => void this.checkStore(), this.options.storeCheckMs ?? 5000);
    this.storeCheck.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.storeCheck);
    this.stopping.abort();
    await this.loop;
  }

  /** Resolves once the feed has handled `position`; rejects when `signal` aborts first. */
  waitForPosition(position: string, signal?: AbortSignal): Promise<void> {
    if (comparePositions(this.current, position) >= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = { position, resolve };
      this.waiters.add(waiter);
      signal?.addEventListener('abort', () => {
        this.waiters.delete(waiter);
        reject(new Error(`SLA timers did not reach position ${position}`));
      });
    });
  }

  private async follow(): Promise<void> {
    const stopped = this.stopping.signal;
    let delay = this.options.retryDelayMs ?? 500;
    while (!stopped.aborted) {
      this.pass = new AbortController();
      const signal = AbortSignal.any([stopped, this.pass.signal]);
      try {
        if (this.storeLost) await this.replayFromStart();
        const batches = this.options.eventStore.subscribe({
          after: this.current,
          filter: TICKET_EVENTS,
          batchSize: this.options.batchSize ?? 500,
          signal,
        });
        for await (const batch of batches) {
          if (signal.aborted) break;
          await this.apply(batch.events);
          await this.advance(batch.checkpoint, batch.events.length > 0, signal);
          delay = this.options.retryDelayMs ?? 500;
        }
      } catch (error) {
        if (stopped.aborted) return;
        // A restart asked for while the pass failed is no error of its own.
        if (signal.aborted) continue;
        this.options.onError?.(error);
        await this.retryWait.wait(delay, signal);
        delay = Math.min(delay * 2, 30_000);
      }
    }
  }

  /** Forgets the position: the timers it stood for are gone, so every ticket event is read again. */
  private async replayFromStart(): Promise<void> {
    await this.options.checkpoints.save(this.name, START_POSITION);
    this.current = START_POSITION;
    this.storeLost = false;
    this.options.onError?.(
      new Error('The timer store lost its checkpoint; re-arming timers from the first event'),
    );
  }

  private async checkStore(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const stored = await this.options.checkpoints.load(this.name);
      if (stored === undefined) this.restartFromStart();
      // The store answers again: retry now instead of at the end of a long backoff.
      else this.retryWait.cutShort();
    } catch {
      // Still away; the feed's own retries report it.
    } finally {
      this.checking = false;
    }
  }

  private restartFromStart(): void {
    this.storeLost = true;
    this.pass.abort();
  }

  private async apply(events: readonly RecordedEvent[]): Promise<void> {
    const openingOf: OpeningLookup = async (ticketId) =>
      (await loadTicket(this.options.eventStore, ticketId)).opened;
    const changes: TimerChange[] = [];
    for (const event of events) changes.push(...(await timerChangesFor(event, openingOf)));
    const { scheduler } = this.options;
    await Promise.all(
      netChanges(changes).map((change) =>
        change.kind === 'schedule'
          ? scheduler.schedule(change.timerId, change.dueAt, change.payload)
          : scheduler.cancel(change.timerId),
      ),
    );
  }

  private lastSave = 0;

  // Batches that only move the position past other events are saved at most once a second.
  private async advance(
    checkpoint: string,
    hadEvents: boolean,
    signal: AbortSignal,
  ): Promise<void> {
    if (comparePositions(checkpoint, this.current) <= 0) return;
    if (hadEvents || Date.now() - this.lastSave >= 1000) {
      if (!(await this.options.checkpoints.saveExisting(this.name, checkpoint))) {
        this.restartFromStart();
        return;
      }
      this.lastSave = Date.now();
    }
    // A restart was asked for while saving: the replay owns the position now.
    if (signal.aborted) return;
    this.current = checkpoint;
    for (const waiter of this.waiters) {
      if (comparePositions(waiter.position, checkpoint) <= 0) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
