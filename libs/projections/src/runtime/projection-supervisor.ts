import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { comparePositions, type EventStore } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { type ControlRecord, ControlRecordStore, type GenerationRef } from './control-record';
import { checkpointName, type Generation, generationPrefix } from './generation';
import { GenerationProjector } from './generation-projector';
import type { Projection } from './projection';
import type { HeldLease, ProjectionLease } from './projection-lease';
import type { ProjectionFailure, ProjectionStatus, RebuildProgress } from './projection-status';
import { PositionWaiters } from './position-waiters';
import { RebuildJobs } from './rebuild-jobs';
import { SerialQueue } from './serial-queue';
import type { SharedSubscriptions } from './shared-subscriptions';

export interface SupervisorOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  subscriptions: SharedSubscriptions;
  lease: ProjectionLease;
  /** How long a switched-out generation stays readable for reads that already hold its name. */
  retiredGenerationGraceMs: number;
  checkChangesArePut: boolean;
}

const minPosition = (a: string, b: string): string => (comparePositions(a, b) <= 0 ? a : b);

/**
 * Runs one projection: holds its lease, keeps the serving generation up to date, fills a new
 * generation when the version changed or a rebuild was asked for, and switches it in once it has
 * caught up. Control-record changes run one at a time.
 */
export class ProjectionSupervisor {
  readonly waiters = new PositionWaiters();
  readonly jobs = new RebuildJobs();
  private readonly control: ControlRecordStore;
  private readonly queue = new SerialQueue();
  private readonly logger: Logger;
  private record: ControlRecord | undefined;
  private serving: GenerationProjector | undefined;
  private builder: GenerationProjector | undefined;
  private servingPosition = '0';
  private live = false;
  private lease: HeldLease | undefined;
  private stopping = new AbortController();
  private waitingForLease = false;
  private waitingForLeaseLoop: Promise<void> | undefined;
  private dropTimer: NodeJS.Timeout | undefined;
  private failure: ProjectionFailure | undefined;

  constructor(
    readonly projection: Projection,
    private readonly options: SupervisorOptions,
  ) {
    this.control = new ControlRecordStore(options.readStore, projection.name);
    this.logger = new Logger(`Projection ${projection.name}`);
  }

  /** The serving generation, or undefined before the first start. */
  get active(): Generation | undefined {
    return this.record && this.generationOf(this.record.active);
  }

  /** The serving generation's committed position. */
  get position(): string {
    return this.servingPosition;
  }

  /** Takes the lease and starts projecting, or waits for the lease in the background. */
  async start(): Promise<void> {
    this.stopping = new AbortController();
    if (!(await this.takeLease())) {
      this.record = await this.control.load();
      if (this.record) await this.loadServingPosition(this.record.active);
      this.waitingForLeaseLoop = this.launchWhenLeaseFrees();
      return;
    }
    await this.queue.run(() => this.launch());
    await this.maybeSwitch();
  }

  /** Stops both generations after their current batch and lets go of the lease. */
  async stop(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.dropTimer);
    await this.waitingForLeaseLoop;
    await this.queue.idle();
    await Promise.all([this.serving?.stop(), this.builder?.stop()]);
    this.serving = this.builder = undefined;
    await this.lease?.release();
    this.lease = undefined;
  }

  /** Starts filling a new generation (or reports the one already being filled). */
  async rebuild(): Promise<string> {
    const jobId = await this.queue.run(async () => {
      if (!this.lease || !this.record) throw new Error('This worker does not run the projection');
      if (this.record.building && !this.builder?.failure) return this.record.building.jobId;
      await this.startBuild(await this.options.eventStore.headPosition());
      return this.record.building!.jobId;
    });
    await this.maybeSwitch();
    return jobId;
  }

  status(headPosition: string): ProjectionStatus {
    const active = this.record?.active;
    const behind = BigInt(headPosition) - BigInt(this.servingPosition);
    const rebuild = this.progress();
    return {
      name: this.projection.name,
      version: active?.version ?? this.projection.version,
      generation: active?.generation ?? 0,
      state: this.state(),
      position: this.servingPosition,
      headPosition,
      lag: String(behind > 0n ? behind : 0n),
      ...(this.waitingForLease && { waitingForLease: true }),
      ...(this.failure && { error: this.failure }),
      ...(rebuild && { rebuild }),
    };
  }

  private state(): ProjectionStatus['state'] {
    if (this.failure) return 'failed';
    if (this.stopping.signal.aborted || !this.lease) return 'stopped';
    if (this.builder) return 'rebuilding';
    return this.live ? 'live' : 'catching_up';
  }

  private progress(): RebuildProgress | undefined {
    const building = this.record?.building;
    if (!building || !this.builder) return this.jobs.last;
    return {
      jobId: building.jobId,
      generation: building.generation,
      version: building.version,
      done: minPosition(this.builder.position, building.total),
      total: building.total,
      finished: false,
    };
  }

  private async takeLease(): Promise<boolean> {
    this.lease = await this.options.lease.tryAcquire(this.projection.name);
    this.waitingForLease = !this.lease;
    this.lease?.lost.addEventListener('abort', () => void this.onLeaseLost(), { once: true });
    return this.lease !== undefined;
  }

  private async launchWhenLeaseFrees(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      await this.options.lease.released(this.projection.name, signal);
      if (signal.aborted || !(await this.takeLease())) continue;
      await this.queue.run(() => this.launch());
      await this.maybeSwitch();
      return;
    }
  }

  private async onLeaseLost(): Promise<void> {
    this.logger.warn('Lease lost: stopping until it can be taken again');
    await Promise.all([this.serving?.stop(), this.builder?.stop()]);
    this.serving = this.builder = undefined;
    this.lease = undefined;
    this.waitingForLease = true;
    if (!this.stopping.signal.aborted) this.waitingForLeaseLoop = this.launchWhenLeaseFrees();
  }

  /** Reads the control record afresh (another worker may have changed it) and starts projecting. */
  private async launch(): Promise<void> {
    const { eventStore } = this.options;
    const version = this.projection.version;
    this.failure = undefined;
    this.record = (await this.control.load()) ?? (await this.createFirstGeneration());
    await this.dropRetired();
    await this.loadServingPosition(this.record.active);
    const head = await eventStore.headPosition();
    if (this.record.active.version === version) {
      this.live = comparePositions(this.servingPosition, head) >= 0;
      this.serving = this.projector(this.generationOf(this.record.active), head);
      await this.serving.start();
    }
    const building = this.record.building;
    if (building && building.version !== version) {
      await this.options.readStore.dropByPrefix(generationPrefix(this.generationOf(building)));
      await this.saveRecord({ ...this.record, building: undefined });
    }
    if (this.record.building) await this.startBuilder();
    else if (this.record.active.version !== version) await this.startBuild(head);
  }

  private async createFirstGeneration(): Promise<ControlRecord> {
    const record: ControlRecord = {
      active: { generation: 1, version: this.projection.version },
      retired: [],
      lastGeneration: 1,
    };
    await this.control.save(record);
    return record;
  }

  private async startBuild(headPosition: string): Promise<void> {
    const record = this.record!;
    if (this.builder) {
      await this.builder.stop();
      await this.options.readStore.dropByPrefix(generationPrefix(this.builder.generation));
    }
    const generation = record.lastGeneration + 1;
    const jobId = randomUUID();
    const building = { generation, version: this.projection.version, jobId, total: headPosition };
    await this.saveRecord({ ...record, building, lastGeneration: generation });
    this.logger.log(`Rebuilding into generation ${generation} up to position ${headPosition}`);
    await this.startBuilder();
  }

  private async startBuilder(): Promise<void> {
    const building = this.record!.building!;
    this.failure = undefined;
    this.builder = this.projector(this.generationOf(building), building.total);
    await this.builder.start();
  }

  /**
   * Switches the built generation in once it has reached the head seen when it started and the
   * position the old generation had reached, so a reader's position never goes backwards.
   */
  private async maybeSwitch(): Promise<void> {
    const builder = this.builder;
    const building = this.record?.building;
    if (!builder || !building || builder.failure) return;
    if (comparePositions(builder.position, building.total) < 0) return;
    await this.queue.run(async () => {
      if (this.stopping.signal.aborted || this.builder !== builder) return;
      const old = this.serving;
      await old?.stop();
      if (old && comparePositions(builder.position, old.position) < 0) return;
      const retired = this.record!.active.generation;
      const { jobId, total } = building;
      await this.saveRecord({
        active: { generation: building.generation, version: building.version },
        retired: [...this.record!.retired, retired],
        lastGeneration: this.record!.lastGeneration,
      });
      this.serving = builder;
      this.builder = undefined;
      this.live = true;
      if (this.failure?.generation === retired) this.failure = undefined;
      this.servingPosition = builder.position;
      this.waiters.reached(this.servingPosition);
      this.logger.log(`Generation ${building.generation} serves; ${retired} retired`);
      await this.scheduleRetiredDrop();
      this.jobs.finished({ ...building, done: total, total, jobId, finished: true });
    });
  }

  private async scheduleRetiredDrop(): Promise<void> {
    const grace = this.options.retiredGenerationGraceMs;
    if (grace <= 0) return this.dropRetired();
    this.dropTimer = setTimeout(() => void this.queue.run(() => this.dropRetired()), grace);
  }

  /** Drops switched-out generations; a crash before it only delays the drop to the next start. */
  private async dropRetired(): Promise<void> {
    const record = this.record;
    if (!record || record.retired.length === 0) return;
    for (const generation of record.retired) {
      const ref = { generation, version: 0 };
      await this.options.readStore.dropByPrefix(generationPrefix(this.generationOf(ref)));
    }
    await this.saveRecord({ ...record, retired: [] });
  }

  private async saveRecord(record: ControlRecord): Promise<void> {
    await this.control.save(record);
    this.record = record;
  }

  private async loadServingPosition(active: GenerationRef): Promise<void> {
    const name = checkpointName(this.generationOf(active));
    this.servingPosition = (await this.options.readStore.checkpoint(name)) ?? '0';
    this.waiters.reached(this.servingPosition);
  }

  /** `liveAt`: the head position at start; the serving generation is live once it gets there. */
  private projector(generation: Generation, liveAt: string): GenerationProjector {
    const projector: GenerationProjector = new GenerationProjector({
      readStore: this.options.readStore,
      subscriptions: this.options.subscriptions,
      checkChangesArePut: this.options.checkChangesArePut,
      projection: this.projection,
      generation,
      onCommit: async (checkpoint) => {
        if (projector === this.serving) {
          this.servingPosition = checkpoint;
          if (comparePositions(checkpoint, liveAt) >= 0) this.live = true;
          this.waiters.reached(checkpoint);
        } else if (projector === this.builder && !this.stopping.signal.aborted) {
          await this.maybeSwitch();
        }
      },
      onFailure: (failure) => {
        this.failure = failure;
        const building = this.record?.building;
        if (projector === this.builder && building) this.jobs.failed(building.jobId, failure);
        this.logger.error(`Generation ${failure.generation} stopped: ${failure.message}`);
      },
    });
    return projector;
  }

  private generationOf(ref: GenerationRef): Generation {
    return { projection: this.projection.name, ...ref };
  }
}
