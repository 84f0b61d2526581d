import type { EventFilter, EventStore } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { unionFilter } from './event-filter';
import type { GenerationProjector } from './generation-projector';
import { ProjectorCohort } from './projector-cohort';

export interface SharedSubscriptionsOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  /** Most events read in one page, applied by every member and committed in one transaction. */
  batchSize: number;
}

const samePosition = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? '0') === (b ?? '0');

/**
 * Groups the runtime's projectors into cohorts by position, one subscription each, so projectors
 * that are level (every projection after a restart, all of them catching up from 0) read the log
 * once and commit once per page. A projector joins a cohort at its own position between pages, or
 * starts its own (a rebuild from 0 beside live ones); a cohort that reaches the position of an
 * idle one merges into it. Every cohort reads with one filter covering every registered
 * projection, so any projector can join any cohort; each member filters the pages it applies.
 */
export class SharedSubscriptions {
  private readonly cohorts = new Set<ProjectorCohort>();
  private readonly filters: (EventFilter | undefined)[] = [];
  private holding = false;

  constructor(private readonly options: SharedSubscriptionsOptions) {}

  /** Widens the cohorts' filter to what `filter` lets through; only before the first join. */
  include(filter: EventFilter | undefined): void {
    if (this.cohorts.size > 0) throw new Error('Projections are added before projectors join');
    this.filters.push(filter);
  }

  /** While held, new cohorts wait, so the projectors a start launches together share one. */
  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const cohort of this.cohorts) void this.launch(cohort);
  }

  join(member: GenerationProjector): void {
    for (const cohort of this.cohorts) {
      if (cohort.closed || cohort.busy) continue;
      if (!samePosition(cohort.position, member.storedCheckpoint)) continue;
      cohort.members.add(member);
      return;
    }
    const cohort = new ProjectorCohort(
      {
        ...this.options,
        filter: unionFilter(this.filters),
        mergedAway: (from) => this.mergeAway(from),
      },
      member,
    );
    this.cohorts.add(cohort);
    if (!this.holding) void this.launch(cohort);
  }

  /** Takes `member` out of its cohort; see ProjectorCohort.leave. */
  async leave(member: GenerationProjector): Promise<void> {
    for (const cohort of this.cohorts) {
      if (cohort.members.has(member)) return cohort.leave(member);
    }
  }

  private async launch(cohort: ProjectorCohort): Promise<void> {
    await cohort.start();
    this.cohorts.delete(cohort);
  }

  /** Moves `from`'s members into an idle cohort at the same position, if there is one. */
  private mergeAway(from: ProjectorCohort): boolean {
    for (const into of this.cohorts) {
      if (into === from || into.closed || into.busy) continue;
      if (!samePosition(into.position, from.position)) continue;
      for (const member of from.members) into.members.add(member);
      from.members.clear();
      return true;
    }
    return false;
  }
}
