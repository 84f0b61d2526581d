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
import { CHRONICLE_CONFIG, type ChronicleConfig } from '@chronicle/platform';
import { CommandQueueWorker } from '../adapters/bullmq/command-queue-worker';
import { RedisHealthProbe } from '../adapters/bullmq/redis-health';
import { PROJECTION_REBUILDS, type ProjectionRebuilds } from '../rebuilds/projection-rebuilds';
import { SlaTimerService } from '../sla/sla-timer-service';
import { QUEUE_MODULE_OPTIONS, type QueueModuleOptions, REDIS_HEALTH } from './queue-options';

/**
 * Starts the SLA timers and the command queue once the application has bootstrapped (the
 * CommandBus has its handlers only then), and stops them before the stores close.
 */
@Injectable()
export class QueueLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Queues');
  private commandQueue: CommandQueueWorker | undefined;

  constructor(
    @Inject(CHRONICLE_CONFIG) private readonly config: ChronicleConfig,
    @Inject(QUEUE_MODULE_OPTIONS) private readonly options: QueueModuleOptions,
    @Inject(SlaTimerService) private readonly slaTimers: SlaTimerService,
    @Inject(PROJECTION_REBUILDS) private readonly rebuilds: ProjectionRebuilds,
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Optional() @Inject(REDIS_HEALTH) private readonly redisHealth?: RedisHealthProbe | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.slaTimers !== false) {
      await this.slaTimers.start();
    }
    // Without Redis the command queue is simply absent (docs/queues.md).
    if (this.config.redisUrl && this.options.commandQueue !== false) {
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
    await this.slaTimers.stop();
    await this.rebuilds.close();
    await this.redisHealth?.close();
  }
}
