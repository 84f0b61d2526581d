import { comparePositions, type EventStore } from '@chronicle/event-store';
import { ChronicleError } from '@chronicle/platform';
import type { ReadStore } from '@chronicle/read-store';
import { assertProjectionName, physicalCollection } from './generation';
import type { Projection } from './projection';
import { InProcessProjectionLease, type ProjectionLease } from './projection-lease';
import type { ProjectionStatus } from './projection-status';
import { ProjectionSupervisor } from './projection-supervisor';
import { SharedSubscriptions } from './shared-subscriptions';

export interface ProjectorRuntimeOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  /** Default: a lease private to this runtime; share one between runtimes of a process. */
  lease?: ProjectionLease;
  /**
   * Most events read from the log in one page; every projection at that position applies the page
   * and they commit it in one read-store transaction. Default 2000: while catching up, a larger
   * page means fewer commits and a hot document written once for more events (at 1M events, 2000
   * ran about 1.4 times as fast as 500); a live page holds only what is new.
   */
  batchSize?: number;
  /**
   * How long a switched-out generation stays readable after a rebuild, for reads that resolved
   * its collection names just before the switch. Default 5000 ms; 0 drops it at once.
   */
  retiredGenerationGraceMs?: number;
  /**
   * Check at every commit that projections put every document they changed (BatchUnitOfWork);
   * costs an encoding per document read. Default false; tests turn it on.
   */
  checkChangesArePut?: boolean;
}

/** The body of `GET /admin/projections`. */
export interface ProjectionsReport {
  headPosition: string;
  projections: ProjectionStatus[];
}

const DEFAULT_BATCH_SIZE = 2000;

/** The default of `waitForPosition`, the contract's read-your-writes limit. */
export const DEFAULT_WAIT_MS = 5000;

/**
 * Runs every registered projection inside this process: one projector per projection generation,
 * committing read-model writes and checkpoint together; projectors at the same position share
 * one read of the log and one transaction per page (SharedSubscriptions). Views ask it for physical collection names and for
 * read-your-writes waits; operators for status and rebuilds.
 */
export class ProjectorRuntime {
  private readonly supervisors = new Map<string, ProjectionSupervisor>();
  private readonly lease: ProjectionLease;
  private readonly subscriptions: SharedSubscriptions;
  private started = false;

  constructor(private readonly options: ProjectorRuntimeOptions) {
    this.lease = options.lease ?? new InProcessProjectionLease();
    this.subscriptions = new SharedSubscriptions({
      eventStore: options.eventStore,
      readStore: options.readStore,
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    });
  }

  /** Adds a projection; only before `start`. Names are unique and prefix collection names. */
  register(projection: Projection): void {
    if (this.started) throw new Error(`Register ${projection.name} before the runtime starts`);
    assertProjectionName(projection.name);
    if (this.supervisors.has(projection.name)) {
      throw new Error(`Projection ${projection.name} is registered twice`);
    }
    this.subscriptions.include(projection.filter);
    this.supervisors.set(
      projection.name,
      new ProjectionSupervisor(projection, {
        eventStore: this.options.eventStore,
        readStore: this.options.readStore,
        subscriptions: this.subscriptions,
        lease: this.lease,
        retiredGenerationGraceMs: this.options.retiredGenerationGraceMs ?? 5000,
        checkChangesArePut: this.options.checkChangesArePut ?? false,
      }),
    );
  }

  get projectionNames(): string[] {
    return [...this.supervisors.keys()];
  }

  /** Starts every projection; resolves once each runs (catching up in the background). */
  async start(): Promise<void> {
    this.started = true;
    // Projectors that start at the same position read and commit together from their first page.
    this.subscriptions.hold();
    try {
      await Promise.all([...this.supervisors.values()].map((supervisor) => supervisor.start()));
    } finally {
      this.subscriptions.release();
    }
  }

  /** Ends every subscription after the batch in hand is committed. */
  async stop(): Promise<void> {
    await Promise.all([...this.supervisors.values()].map((supervisor) => supervisor.stop()));
  }

  /** The physical name of `logical` in the generation that now serves `projection`'s reads. */
  collection(projection: string, logical: string): string {
    const supervisor = this.supervisor(projection);
    const active = supervisor.active;
    if (!active)
      throw new ChronicleError('UNAVAILABLE', `Projection ${projection} has not started`);
    if (!supervisor.projection.collections.includes(logical)) {
      throw new Error(`Projection ${projection} has no collection "${logical}"`);
    }
    return physicalCollection(active, logical);
  }

  /** The lowest committed position of the given projections: what a view built on them shows. */
  position(projections: string | readonly string[]): string {
    const positions = this.supervisorsOf(projections).map((supervisor) => supervisor.position);
    return positions.reduce((low, next) => (comparePositions(next, low) < 0 ? next : low));
  }

  /**
   * Read-your-writes: resolves once every named projection has committed `position`, else throws
   * ChronicleError NOT_CAUGHT_UP after `timeoutMs`. Woken by commits, never by polling.
   */
  async waitForPosition(
    projections: string | readonly string[],
    position: string,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<void> {
    const behind = this.supervisorsOf(projections).filter(
      (supervisor) => comparePositions(supervisor.position, position) < 0,
    );
    if (behind.length === 0) return;
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      await Promise.all(behind.map((supervisor) => supervisor.waiters.wait(position, deadline)));
    } catch {
      const names = behind.map((supervisor) => supervisor.projection.name).join(', ');
      throw new ChronicleError(
        'NOT_CAUGHT_UP',
        `Projection ${names} has not reached position ${position} within ${timeoutMs} ms; retry`,
        { minPosition: position, position: this.position(projections) },
      );
    }
  }

  async status(): Promise<ProjectionsReport> {
    const headPosition = await this.options.eventStore.headPosition();
    return {
      headPosition,
      projections: [...this.supervisors.values()].map((supervisor) =>
        supervisor.status(headPosition),
      ),
    };
  }

  /**
   * Fills a new generation from position 0 while the current one keeps serving, then switches.
   * Unknown name → ChronicleError NOT_FOUND. A rebuild already running answers its own job id.
   */
  async rebuild(projection: string): Promise<{ jobId: string }> {
    const supervisor = this.supervisors.get(projection);
    if (!supervisor) throw new ChronicleError('NOT_FOUND', `No projection named ${projection}`);
    if (!this.started) {
      throw new ChronicleError('UNAVAILABLE', `Projection ${projection} has not started`);
    }
    return { jobId: await supervisor.rebuild() };
  }

  /** Resolves when rebuild `jobId` of `projection` has switched in; rejects if it fails. */
  async waitForRebuild(projection: string, jobId: string, timeoutMs = 60_000): Promise<void> {
    await this.supervisor(projection).jobs.wait(jobId, AbortSignal.timeout(timeoutMs));
  }

  private supervisor(name: string): ProjectionSupervisor {
    const supervisor = this.supervisors.get(name);
    if (!supervisor) throw new Error(`No projection named ${name} is registered`);
    return supervisor;
  }

  private supervisorsOf(projections: string | readonly string[]): ProjectionSupervisor[] {
    const names = typeof projections === 'string' ? [projections] : projections;
    if (names.length === 0) throw new Error('Name at least one projection');
    return names.map((name) => this.supervisor(name));
  }
}
