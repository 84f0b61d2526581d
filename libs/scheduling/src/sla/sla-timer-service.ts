import { type EventStore } from '@chronicle/event-store';
import type { CheckpointStore, DueTimer, TimerScheduler } from '../timer-scheduler.port';
import { type BreachOutcome, SlaBreachRecorder } from './sla-breach-recorder';
import { SlaTimerFeed } from './sla-timer-feed';
import { slaTimerPayload } from './sla-timers';

export interface SlaTimerServiceOptions {
  eventStore: EventStore;
  /** The scheduler and, in the same store, the feed's checkpoint. */
  timers: TimerScheduler & CheckpointStore;
  /** Judges "past due" when a timer fires. Default: the system clock. */
  clock?: () => Date;
  /** Told what each fired timer did (logs, metrics, tests). */
  onFired?: (timer: DueTimer, outcome: BreachOutcome) => void;
  onError?: (error: unknown) => void;
}

/**
 * SLA timers (docs/queues.md): arms a timer per target when a ticket opens (or reopens),
 * drops it when the target is met, and records `SlaBreached` once when a timer fires on a target
 * still unmet. Starting it reconciles: the feed catches up from its checkpoint (from the first
 * event when the timers' store lost it), and timers that fell due while nothing ran fire at once.
 */
export class SlaTimerService {
  readonly feed: SlaTimerFeed;
  readonly recorder: SlaBreachRecorder;
  private reconciliation: Promise<void> | undefined;

  constructor(private readonly options: SlaTimerServiceOptions) {
    this.recorder = new SlaBreachRecorder(options.eventStore, options.clock);
    this.feed = new SlaTimerFeed({
      eventStore: options.eventStore,
      scheduler: options.timers,
      checkpoints: options.timers,
      onError: options.onError,
    });
  }

  async start(): Promise<void> {
    const { timers, eventStore } = this.options;
    timers.onDue((timer) => this.fire(timer));
    const head = await eventStore.headPosition();
    await timers.start();
    await this.feed.start();
    this.reconciliation = this.feed.waitForPosition(head);
  }

  /** Resolves once the feed has caught up with the event store's head as it was at start. */
  async reconciled(): Promise<void> {
    if (!this.reconciliation) throw new Error('SlaTimerService has not started');
    await this.reconciliation;
  }

  async stop(): Promise<void> {
    await this.feed.stop();
    await this.options.timers.stop();
  }

  private async fire(timer: DueTimer): Promise<void> {
    const payload = slaTimerPayload(timer.payload);
    // Not ours (a foreign job in the queue): nothing to do, and nothing to retry.
    if (!payload) return;
    const outcome = await this.recorder.fire(payload);
    this.options.onFired?.(timer, outcome);
  }
}
