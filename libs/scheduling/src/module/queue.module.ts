import { type DynamicModule, Module } from '@nestjs/common';
import { ApplicationModule } from '@chronicle/application';
import { PROJECTION_REBUILDS } from '../rebuilds/projection-rebuilds';
import { SlaTimerService } from '../sla/sla-timer-service';
import { QueueLifecycle } from './queue-lifecycle';
import {
  QUEUE_MODULE_OPTIONS,
  type QueueModuleOptions,
  SLA_TIMER_STORE,
  REDIS_HEALTH,
} from './queue-options';
import { queueProviders } from './queue-providers';
import { SharedLeaseModule } from './shared-lease.module';

/**
 * SLA timers, the command queue and rebuild jobs, on BullMQ when REDIS_URL is set and in-process
 * otherwise (docs/queues.md). Needs the global EVENT_STORE, CHRONICLE_CONFIG and ProjectorRuntime.
 * Exports REDIS_HEALTH for `/health` and PROJECTION_REBUILDS for the admin endpoint, and provides
 * the shared lease (SHARED_LEASE) to every module when several processes can share the work.
 */
@Module({})
export class QueueModule {
  static forRoot(options: QueueModuleOptions = {}): DynamicModule {
    return {
      module: QueueModule,
      // Registers the ExecuteCommand handler the command queue sends through the CommandBus.
      imports: [ApplicationModule, SharedLeaseModule.forRoot(options.lease)],
      providers: [
        { provide: QUEUE_MODULE_OPTIONS, useValue: options },
        ...queueProviders,
        QueueLifecycle,
      ],
      exports: [REDIS_HEALTH, PROJECTION_REBUILDS, SlaTimerService, SLA_TIMER_STORE],
    };
  }
}
