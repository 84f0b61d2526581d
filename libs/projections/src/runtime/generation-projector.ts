import type { RecordedEvent } from '@chronicle/event-store';
import { CheckpointMovedError, type ProjectionBatch, type ReadStore } from '@chronicle/read-store';
import { matchesFilter } from './event-filter';
import { checkpointName, type Generation, physicalCollection, physicalIndexes } from './generation';
import type { LoopTurns } from './loop-turns';
import type { Projection } from './projection';
import type { ProjectionFailure } from './projection-status';
import type { SharedSubscriptions } from './shared-subscriptions';
import { BatchUnitOfWork } from './unit-of-work';

export interface GenerationProjectorOptions {
  readStore: ReadStore;
  /** Where the projector takes its pages from, with the other projectors at its position. */
  subscriptions: SharedSubscriptions;
  projection: Projection;
  generation: Generation;
  /** See BatchUnitOfWorkOptions. */
  checkChangesArePut: boolean;
  /**
   * Called after every committed batch, before the projector applies the next one. It must not
   * stop this projector: `stop` waits for the batch to be reported, that is for this call.
   */
  onCommit: (checkpoint: string) => Promise<void> | void;
  /** Called once when the projector stops on an error. */
  onFailure: (failure: ProjectionFailure) => void;
}

/** What applying one page came to: the batch to commit, and why the projector stops after it. */
export interface PreparedBatch {
  /** Undefined when nothing is to be committed (apply failed on the page's first event). */
  batch: ProjectionBatch | undefined;
  failure?: unknown;
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
 * Fills one generation. Its cohort (SharedSubscriptions) reads pages of the log after the
 * generation's checkpoint; the projector applies a page's events to one unit of work and hands
 * back the writes with the page's checkpoint, which the cohort commits together (with the other
 * members' batches), so every event takes effect exactly once across crashes.
 */
export class GenerationProjector {
  private committed: string | undefined;
  failure: ProjectionFailure | undefined;
  /** Logical → physical collection names, made once: every get and put looks one up. */
  private readonly physicalNames: ReadonlyMap<string, string>;

  constructor(private readonly options: GenerationProjectorOptions) {
    const { projection, generation } = options;
    this.physicalNames = new Map(
      projection.collections.map((logical) => [logical, physicalCollection(generation, logical)]),
    );
  }

  get generation(): Generation {
    return this.options.generation;
  }

  get projection(): Projection {
    return this.options.projection;
  }

  /** The committed position; '0' before the first batch. */
  get position(): string {
    return this.committed ?? '0';
  }

  /** The last committed checkpoint as stored: undefined before the first batch. */
  get storedCheckpoint(): string | undefined {
    return this.committed;
  }

  /** Reads the checkpoint and prepares indexes, then joins a cohort at that position. */
  async start(): Promise<void> {
    const { readStore, projection, generation } = this.options;
    this.committed = await readStore.checkpoint(checkpointName(generation));
    await readStore.ensureIndexes(physicalIndexes(generation, projection.indexes));
    this.options.subscriptions.join(this);
  }

  /** Leaves the cohort; a batch being applied is finished and committed first. */
  async stop(): Promise<void> {
    await this.options.subscriptions.leave(this);
  }

  /**
   * Applies the page's events this projection reads. When `apply` throws, the batch holds the
   * events before the failing one (so the reported position is exact and a restart retries just
   * the failing event) and `failure` says why the projector must stop once it is committed.
   */
  async prepare(
    events: readonly RecordedEvent[],
    checkpoint: string,
    turns?: LoopTurns,
  ): Promise<PreparedBatch> {
    const filter = this.options.projection.filter;
    const mine = filter ? events.filter((event) => matchesFilter(event, filter)) : events;
    const work = this.unitOfWork();
    for (const [index, event] of mine.entries()) {
      const turn = turns?.due();
      if (turn) await turn;
      try {
        await this.options.projection.apply(event, work);
      } catch (error) {
        const applied = mine.slice(0, index);
        const last = applied[applied.length - 1];
        const failure = new ApplyFailed(event, error);
        if (!last) return { batch: undefined, failure };
        return { batch: this.batch(await this.replay(applied), last.position), failure };
      }
    }
    return { batch: this.batch(work, checkpoint) };
  }

  /** Called by the cohort once `checkpoint` is committed. */
  async committedTo(checkpoint: string): Promise<void> {
    this.committed = checkpoint;
    await this.options.onCommit(checkpoint);
  }

  /** Called by the cohort when this projector must stop: records and reports why. */
  fail(error: unknown): void {
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

  private readonly physical = (logical: string): string => {
    const name = this.physicalNames.get(logical);
    if (name === undefined) {
      throw new Error(`Projection ${this.projection.name} has no collection "${logical}"`);
    }
    return name;
  };

  private batch(work: BatchUnitOfWork, checkpoint: string): ProjectionBatch {
    return {
      projection: checkpointName(this.options.generation),
      writes: work.writes(),
      expectedCheckpoint: this.committed,
      checkpoint,
    };
  }

  private async replay(events: readonly RecordedEvent[]): Promise<BatchUnitOfWork> {
    const work = this.unitOfWork();
    for (const event of events) await this.options.projection.apply(event, work);
    return work;
  }

  private unitOfWork(): BatchUnitOfWork {
    const { readStore, checkChangesArePut } = this.options;
    return new BatchUnitOfWork(readStore, this.physical, { checkChangesArePut });
  }
}
