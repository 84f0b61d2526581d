import type { EventStore, RecordedEvent, SubscriptionBatch } from '@chronicle/event-store';
import { CheckpointMovedError, type ReadStore } from '@chronicle/read-store';
import { checkpointName, type Generation, physicalCollection, physicalIndexes } from './generation';
import type { Projection } from './projection';
import type { ProjectionFailure } from './projection-status';
import { BatchUnitOfWork } from './unit-of-work';

export interface GenerationProjectorOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projection: Projection;
  generation: Generation;
  batchSize: number;
  /** Called after every committed batch, before the next one is read. */
  onCommit: (checkpoint: string) => Promise<void> | void;
  /** Called once when the projector stops on an error. */
  onFailure: (failure: ProjectionFailure) => void;
}

/** The event whose `apply` threw, kept to report it. */
class ApplyFailed extends Error {
  constructor(
    readonly event: RecordedEvent,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/**
 * Fills one generation: subscribes after its checkpoint and commits each batch's writes together
 * with the batch's checkpoint, so every event takes effect exactly once across crashes.
 */
export class GenerationProjector {
  private committed: string | undefined;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  failure: ProjectionFailure | undefined;

  constructor(private readonly options: GenerationProjectorOptions) {}

  get generation(): Generation {
    return this.options.generation;
  }

  /** The committed position; '0' before the first batch. */
  get position(): string {
    return this.committed ?? '0';
  }

  get running(): boolean {
    return this.loop !== undefined && !this.stopping.signal.aborted && !this.failure;
  }

  /** Reads the checkpoint and prepares indexes; the loop then runs in the background. */
  async start(): Promise<void> {
    const { readStore, projection, generation } = this.options;
    this.committed = await readStore.checkpoint(checkpointName(generation));
    await readStore.ensureIndexes(physicalIndexes(generation, projection.indexes));
    this.loop = this.run();
  }

  /** Ends the subscription; a batch being applied is finished and committed first. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { eventStore, projection, batchSize } = this.options;
    const signal = this.stopping.signal;
    try {
      const batches = eventStore.subscribe({
        after: this.committed,
        filter: projection.filter,
        batchSize,
        signal,
      });
      for await (const batch of batches) {
        await this.applyAndCommit(batch);
        if (signal.aborted) break;
      }
    } catch (error) {
      this.fail(error);
    }
  }

  private async applyAndCommit(batch: SubscriptionBatch): Promise<void> {
    const work = this.unitOfWork();
    for (const [index, event] of batch.events.entries()) {
      try {
        await this.options.projection.apply(event, work);
      } catch (error) {
        // Commit the events before the failing one, so the reported position is exact and a
        // restart retries just the failing event.
        const applied = batch.events.slice(0, index);
        const last = applied[applied.length - 1];
        if (last) await this.commit(await this.replay(applied), last.position);
        throw new ApplyFailed(event, error);
      }
    }
    await this.commit(work, batch.checkpoint);
  }

  private async replay(events: readonly RecordedEvent[]): Promise<BatchUnitOfWork> {
    const work = this.unitOfWork();
    for (const event of events) await this.options.projection.apply(event, work);
    return work;
  }

  private async commit(work: BatchUnitOfWork, checkpoint: string): Promise<void> {
    await this.options.readStore.applyBatch({
      projection: checkpointName(this.options.generation),
      writes: work.writes(),
      expectedCheckpoint: this.committed,
      checkpoint,
    });
    this.committed = checkpoint;
    await this.options.onCommit(checkpoint);
  }

  private unitOfWork(): BatchUnitOfWork {
    const { projection, generation } = this.options;
    return new BatchUnitOfWork(this.options.readStore, (logical) => {
      if (!projection.collections.includes(logical)) {
        throw new Error(`Projection ${projection.name} has no collection "${logical}"`);
      }
      return physicalCollection(generation, logical);
    });
  }

  private fail(error: unknown): void {
    const event = error instanceof ApplyFailed ? error.event : undefined;
    const message =
      error instanceof CheckpointMovedError
        ? `Another worker moved the checkpoint (${error.message}); this worker stopped`
        : error instanceof Error
          ? error.message
          : String(error);
    this.failure = {
      generation: this.options.generation.generation,
      message,
      position: this.position,
      ...(event && {
        event: {
          eventId: event.eventId,
          type: event.type,
          streamId: event.streamId,
          position: event.position,
        },
      }),
      at: new Date().toISOString(),
    };
    this.options.onFailure(this.failure);
  }
}
