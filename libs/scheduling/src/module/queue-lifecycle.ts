import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type CommandRequest, ExecuteCommand } from '@chronicle/application';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { CHRONICLE_CONFIG, type ChronicleConfig, hasProcessRole } from '@chronicle/platform';
import type { ProjectionLease } from '@chronicle/projections';
import { CommandQueueWorker } from '../adapters/bullmq/command-queue-worker';
import { RedisHealthProbe } from '../adapters/bullmq/redis-health';
import { LeasedWork } from '../leases/leased-work';
import { PROJECTION_REBUILDS, type ProjectionRebuilds } from '../rebuilds/projection-rebuilds';
import { SlaTimerService } from '../sla/sla-timer-service';
import { QUEUE_MODULE_OPTIONS, type QueueModuleOptions, REDIS_HEALTH } from './queue-options';
import { openTimerStore, slaTimerService } from './queue-providers';
import { SHARED_LEASE } from './shared-lease.module';

/** The lease name of the SLA timers: one process at a time follows tickets and fires timers. */
export const SLA_TIMERS_LEASE = 'sla-timers';

/**
 * Starts the SLA timers and the command queue once the application has bootstrapped (the
 * CommandBus has its handlers only then), and stops them before the stores close. CHRONICLE_ROLES
 * says which run here (`timers`, `queue`); when several processes share an event store, the SLA
 * timers run under the shared lease, in one process at a time.
 */
@Injectable()
export class QueueLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Queues');
  private commandQueue: CommandQueueWorker | undefined;
  private leasedSlaTimers: LeasedWork | undefined;

  constructor(
    @Inject(CHRONICLE_CONFIG) private readonly config: ChronicleConfig,
    @Inject(QUEUE_MODULE_OPTIONS) private readonly options: QueueModuleOptions,
    @Inject(SlaTimerService) private readonly slaTimers: SlaTimerService,
    @Inject(PROJECTION_REBUILDS) private readonly rebuilds: ProjectionRebuilds,
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Optional() @Inject(REDIS_HEALTH) private readonly redisHealth?: RedisHealthProbe | null,
    @Optional() @Inject(SHARED_LEASE) private readonly sharedLease?: ProjectionLease | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.slaTimers !== false && hasProcessRole(this.config, 'timers')) {
      await this.startSlaTimers();
    }
    // Without Redis the command queue is simply absent (docs/queues.md). BullMQ hands each job to
    // one consumer, so every process with the `queue` role consumes without a lease.
    const consumes = hasProcessRole(this.config, 'queue') && this.options.commandQueue !== false;
    if (this.config.redisUrl && consumes) {
      this.commandQueue = await CommandQueueWorker.start({
        redisUrl: this.config.redisUrl,
        prefix: this.config.redisPrefix,
        ...this.options.commandQueue,
        execute: (request: CommandRequest) => this.commandBus.execute(new ExecuteCommand(request)),
      });
      this.logger.log('Consuming the command queue');
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.commandQueue?.close();
    await this.leasedSlaTimers?.stop();
    await this.slaTimers.stop();
    await this.rebuilds.close();
    await this.redisHealth?.close();
  }

  private async startSlaTimers(): Promise<void> {
    // The event store is one server only with EVENTSTORE_URL; the embedded one is this process's.
    if (!this.sharedLease || !this.config.eventStoreUrl) {
      await this.slaTimers.start();
      return;
    }
    // Each term builds its timers afresh: a stopped feed and a closed store do not start again.
    this.leasedSlaTimers = new LeasedWork({
      lease: this.sharedLease,
      name: SLA_TIMERS_LEASE,
      start: async () => {
        const store = await openTimerStore(this.config, this.options);
        const service = slaTimerService(this.eventStore, store, this.options);
        try {
          await service.start();
        } catch (error) {
          await service.stop().catch(() => undefined);
          throw error;
        }
        return () => service.stop();
      },
      onChange: (message, level) => this.logger[level](message),
    });
    this.leasedSlaTimers.start();
  }
}
