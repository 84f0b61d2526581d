import { join } from 'node:path';
import {
  type DynamicModule,
  Global,
  Inject,
  type InjectionToken,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { CHRONICLE_CONFIG, type ChronicleConfig, hasProcessRole } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { MongoReadStore } from '@chronicle/read-store/mongodb';
import { SqliteReadStore } from '@chronicle/read-store/embedded';
import type { Projection } from './runtime/projection';
import {
  InProcessProjectionLease,
  NeverGrantedLease,
  PROJECTION_LEASE,
  type ProjectionLease,
} from './runtime/projection-lease';
import { ProjectorRuntime } from './runtime/projector-runtime';

export interface ProjectionsModuleOptions {
  /** Projections to run; feature modules can add theirs with `ProjectionsModule.forFeature`. */
  projections?: readonly Projection[];
  batchSize?: number;
  retiredGenerationGraceMs?: number;
  /** See ProjectorRuntimeOptions.checkChangesArePut (for tests). */
  checkChangesArePut?: boolean;
  /** Default: see {@link chooseLease}. */
  lease?: ProjectionLease;
  /** Default {@link openReadStore}; tests may hand in another adapter. */
  openReadStore?: (config: ChronicleConfig) => ReadStore | Promise<ReadStore>;
}

/** The embedded read store lives beside the event store in the data folder. */
export async function openReadStore(config: ChronicleConfig): Promise<ReadStore> {
  if (config.mongoUrl) return await MongoReadStore.connect(config.mongoUrl);
  return SqliteReadStore.open({ path: join(config.dataDir, 'read-models.sqlite') });
}

/**
 * The lease every process on one Redis shares, provided (globally) by the scheduling library's
 * queue module when several processes can run; a registry symbol, as that library imports this one.
 */
const SHARED_LEASE = Symbol.for('chronicle:shared-lease');

/**
 * No projectors here (CHRONICLE_ROLES) → a lease never granted: the runtime only serves reads.
 * With MongoDB read models and a shared lease → that lease: one process per projection. Else
 * the read store is this process's own and so is the lease.
 */
export function chooseLease(
  config: ChronicleConfig,
  shared?: ProjectionLease | null,
): ProjectionLease {
  if (!hasProcessRole(config, 'projectors')) return new NeverGrantedLease();
  if (shared && config.mongoUrl) return shared;
  return new InProcessProjectionLease();
}

let registrations = 0;

/**
 * Provides READ_STORE (MongoDB when MONGO_URL is set, else the embedded store), the lease and the
 * {@link ProjectorRuntime}, which starts once the application has bootstrapped and stops, after
 * its current batches, on shutdown. Import `forRoot()` once; add projections from anywhere with
 * `forFeature([...])`.
 */
@Global()
@Module({})
export class ProjectionsModule
  implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  static forRoot(options: ProjectionsModuleOptions = {}): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        {
          provide: READ_STORE,
          inject: [CHRONICLE_CONFIG],
          useFactory: options.openReadStore ?? openReadStore,
        },
        {
          provide: PROJECTION_LEASE,
          inject: [CHRONICLE_CONFIG, { token: SHARED_LEASE, optional: true }],
          useFactory: (config: ChronicleConfig, shared?: ProjectionLease | null) =>
            options.lease ?? chooseLease(config, shared),
        },
        {
          provide: ProjectorRuntime,
          inject: [EVENT_STORE, READ_STORE, PROJECTION_LEASE],
          useFactory: (eventStore: EventStore, readStore: ReadStore, lease: ProjectionLease) => {
            const runtime = new ProjectorRuntime({ ...options, eventStore, readStore, lease });
            for (const projection of options.projections ?? []) runtime.register(projection);
            return runtime;
          },
        },
      ],
      exports: [READ_STORE, PROJECTION_LEASE, ProjectorRuntime],
    };
  }

  /** Registers projections with the runtime, from any module of the application. */
  static forFeature(projections: readonly Projection[]): DynamicModule {
    return ProjectionsModule.forFeatureAsync({ useFactory: () => projections });
  }

  /** Like `forFeature`, for projections that need injected dependencies (a clock, policies…). */
  static forFeatureAsync(options: {
    imports?: DynamicModule['imports'];
    inject?: InjectionToken[];
    // As in Nest's own factory providers: the dependencies' types follow `inject`.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    useFactory: (...dependencies: any[]) => readonly Projection[];
  }): DynamicModule {
    registrations += 1;
    return {
      module: ProjectionRegistrationModule,
      imports: options.imports ?? [],
      providers: [
        {
          // A unique token per call, so Nest never merges two registrations into one module.
          provide: `chronicle:projections#${registrations}`,
          inject: [ProjectorRuntime, ...(options.inject ?? [])],
          useFactory: (runtime: ProjectorRuntime, ...dependencies: unknown[]) => {
            const projections = options.useFactory(...dependencies);
            for (const projection of projections) runtime.register(projection);
            return projections;
          },
        },
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runtime.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runtime.stop();
  }

  // After every module's onModuleDestroy, so views and projectors are done with the store.
  async onApplicationShutdown(): Promise<void> {
    await this.readStore.close();
  }
}

@Module({})
class ProjectionRegistrationModule {}
