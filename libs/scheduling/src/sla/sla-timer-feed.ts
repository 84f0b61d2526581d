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
  onError?: (error: unknown) => void;
}

const TICKET_EVENTS = { streamPrefixes: ['ticket-'], eventTypePrefixes: ['Ticket'] };

/**
 * Keeps the SLA timers in step with the ticket streams: a checkpointed subscription that arms and
 * drops timers (see {@link timerChangesFor}). The event store is the source of truth; the timers
 * are derived from it. Its checkpoint lives beside the timers, so when they are lost (a Redis
 * flush) the feed starts again from the first event and every open ticket gets its timers back.
 */
export class SlaTimerFeed {
  private readonly stopping = new AbortController();
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
    this.current = (await this.options.checkpoints.load(this.name)) ?? START_POSITION;
    this.loop = this.follow();
  }

  async stop(): Promise<void> {
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
    const signal = this.stopping.signal;
    let delay = this.options.retryDelayMs ?? 500;
    while (!signal.aborted) {
      try {
        const batches = this.options.eventStore.subscribe({
          after: this.current,
          filter: TICKET_EVENTS,
          batchSize: this.options.batchSize ?? 500,
          signal,
        });
        for await (const batch of batches) {
          if (signal.aborted) return;
          await this.apply(batch.events);
          await this.advance(batch.checkpoint, batch.events.length > 0);
          delay = this.options.retryDelayMs ?? 500;
        }
      } catch (error) {
        if (signal.aborted) return;
        this.options.onError?.(error);
        await abortableDelay(delay, signal);
        delay = Math.min(delay * 2, 30_000);
      }
    }
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
  private async advance(checkpoint: string, hadEvents: boolean): Promise<void> {
    if (comparePositions(checkpoint, this.current) <= 0) return;
    if (hadEvents || Date.now() - this.lastSave >= 1000) {
      await this.options.checkpoints.save(this.name, checkpoint);
      this.lastSave = Date.now();
    }
    this.current = checkpoint;
    for (const waiter of this.waiters) {
      if (comparePositions(waiter.position, checkpoint) <= 0) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
