import {
  type DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { CHRONICLE_CONFIG, type ChronicleConfig } from '@chronicle/platform';
import { RedisLease } from '../adapters/bullmq/redis-lease';

/**
 * The lease every process on the deployment's Redis shares, or null when only one process can run
 * the work (no Redis, or embedded stores that refuse a second process). A registry symbol, so the
 * projections library finds it without importing this one (which imports it).
 */
export const SHARED_LEASE = Symbol.for('chronicle:shared-lease');

export interface SharedLeaseTimings {
  /** Default 10 s: a process killed with SIGKILL hands its work on within it. */
  ttlMs?: number;
  /** Default 3 s. */
  renewEveryMs?: number;
  /** Default 1 s. */
  lookEveryMs?: number;
}

const logger = new Logger('Leases');

/** Several processes can share work only through servers they all reach: Redis and a shared store. */
export function leasesAreShared(config: ChronicleConfig): boolean {
  return Boolean(config.redisUrl && (config.eventStoreUrl || config.mongoUrl));
}

async function openSharedLease(
  config: ChronicleConfig,
  timings: SharedLeaseTimings,
): Promise<RedisLease | null> {
  if (!config.redisUrl || !leasesAreShared(config)) return null;
  return RedisLease.connect({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    ...timings,
    onLost: (name, reason) => logger.warn(`Lease ${name} lost: ${reason}`),
  });
}

/** Provides {@link SHARED_LEASE} to every module and lets go of its leases last, at shutdown. */
@Global()
@Module({})
export class SharedLeaseModule implements OnApplicationShutdown {
  constructor(@Optional() @Inject(SHARED_LEASE) private readonly lease?: RedisLease | null) {}

  static forRoot(timings: SharedLeaseTimings = {}): DynamicModule {
    return {
      module: SharedLeaseModule,
      providers: [
        {
          provide: SHARED_LEASE,
          inject: [CHRONICLE_CONFIG],
          useFactory: (config: ChronicleConfig) => openSharedLease(config, timings),
        },
      ],
      exports: [SHARED_LEASE],
    };
  }

  // After every module's onModuleDestroy: projectors and timers have let go of their terms by then.
  async onApplicationShutdown(): Promise<void> {
    await this.lease?.close();
  }
}
