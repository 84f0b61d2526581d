import type { EventFilter, EventStore, SubscriptionBatch } from '@chronicle/event-store';
import { CheckpointMovedError, type ProjectionBatch, type ReadStore } from '@chronicle/read-store';
import type { GenerationProjector } from './generation-projector';
import { LoopTurns } from './loop-turns';

/** Longest the event loop waits for a page being applied (HTTP requests share the process). */
const LOOP_TURN_MS = 20;

export interface CohortOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  /** Lets through every event any registered projection reads. */
  filter: EventFilter | undefined;
  batchSize: number;
  /** Called between pages; true when the members moved to another cohort and this one ends. */
  mergedAway: (cohort: ProjectorCohort) => boolean;
}

interface MemberPage {
  member: GenerationProjector;
  batch: ProjectionBatch | undefined;
  failure?: unknown;
}

/**
 * Projectors at the same position sharing one subscription: each page of the log is read once,
 * applied by every member, and committed for all of them in one read-store transaction (one
 * fsync), each member's writes with its own checkpoint. A member whose apply fails commits the
 * events before the failing one and leaves; the others carry on.
 */
export class ProjectorCohort {
  readonly members = new Set<GenerationProjector>();
  /** The position every member has committed; the next page starts after it. */
  position: string | undefined;
  /** True from the page's first apply until its commit: members can join only between pages. */
  busy = false;
  /** Set once the cohort has decided to end: it takes no more members. */
  closed = false;
  /** Per member of the page being handled: settles once its batch is committed and reported. */
  private pending = new Map<GenerationProjector, Promise<void>>();
  private notifying = false;
  private readonly ending = new AbortController();
  private loop: Promise<void> | undefined;
  private readonly turns = new LoopTurns(LOOP_TURN_MS);

  constructor(
    private readonly options: CohortOptions,
    first: GenerationProjector,
  ) {
    this.members.add(first);
    this.position = first.storedCheckpoint;
  }

  /** Starts reading; a cohort created while the runtime starts waits until every member joined. */
  start(): Promise<void> {
    this.loop ??= this.run();
    return this.loop;
  }

  /**
   * Takes `member` out. Resolves once a page it is part of is committed and reported to it, and,
   * when it was the last member, once the subscription has ended.
   */
  async leave(member: GenerationProjector): Promise<void> {
    this.members.delete(member);
    await this.pending.get(member);
    // While a page is being reported the caller may be one of its reports, which the loop awaits;
    // the loop ends by itself after the page once no member is left.
    if (this.members.size > 0 || this.notifying) return;
    this.closed = true;
    this.ending.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { eventStore, filter, batchSize } = this.options;
    try {
      const pages = eventStore.subscribe({
        after: this.position,
        filter,
        batchSize,
        signal: this.ending.signal,
      });
      for await (const page of pages) {
        if (this.members.size > 0) await this.handle(page);
        // Decided before the subscription is closed (an await), so no member joins meanwhile.
        if (this.members.size === 0 || this.options.mergedAway(this)) {
          this.closed = true;
          break;
        }
      }
    } catch (error) {
      this.closed = true;
      // The subscription itself failed: every member stops, as each would have on its own.
      for (const member of [...this.members]) {
        this.members.delete(member);
        member.fail(error);
      }
    } finally {
      this.closed = true;
    }
  }

  private async handle(page: SubscriptionBatch): Promise<void> {
    const members = [...this.members];
    const reported = members.map(() => deferred());
    this.pending = new Map(members.map((member, index) => [member, reported[index]!.promise]));
    try {
      this.busy = true;
      const pages = await this.applyAll(members, page);
      await this.commit(pages);
      this.position = page.checkpoint;
      this.busy = false;
      this.notifying = true;
      await Promise.all(
        pages.map(async (memberPage, index) => {
          await this.report(memberPage);
          reported[index]!.resolve();
        }),
      );
    } finally {
      this.busy = false;
      this.notifying = false;
      this.pending = new Map();
      for (const { resolve } of reported) resolve();
    }
  }

  private async applyAll(
    members: readonly GenerationProjector[],
    page: SubscriptionBatch,
  ): Promise<MemberPage[]> {
    const pages: MemberPage[] = [];
    for (const member of members) {
      try {
        const prepared = await member.prepare(page.events, page.checkpoint, this.turns);
        pages.push({ member, ...prepared });
      } catch (error) {
        // Even the events before a failing one could not be applied again: commit nothing.
        pages.push({ member, batch: undefined, failure: error });
      }
    }
    return pages;
  }

  /**
   * One transaction for every member's batch. A member whose checkpoint moved (another worker)
   * is dropped from it and the rest retried; any other error fails every member of the page.
   */
  private async commit(pages: MemberPage[]): Promise<void> {
    for (;;) {
      const batches = pages.flatMap((memberPage) => memberPage.batch ?? []);
      try {
        await this.options.readStore.applyBatches(batches);
        return;
      } catch (error) {
        const stale =
          error instanceof CheckpointMovedError
            ? pages.find((memberPage) => memberPage.batch?.projection === error.projection)
            : undefined;
        for (const memberPage of stale ? [stale] : pages) {
          if (!memberPage.batch) continue;
          memberPage.batch = undefined;
          memberPage.failure = error;
        }
        if (!stale) return;
      }
    }
  }

  private async report(memberPage: MemberPage): Promise<void> {
    const { member, batch } = memberPage;
    try {
      if (batch) await member.committedTo(batch.checkpoint);
    } catch (error) {
      memberPage.failure ??= error;
    }
    if (memberPage.failure === undefined) return;
    this.members.delete(member);
    member.fail(memberPage.failure);
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}
