import { type DynamicModule, Module } from '@nestjs/common';
import { ApplicationModule, PersonalDataCipher } from '@chronicle/application';
import { type ChronicleConfig, PlatformModule } from '@chronicle/platform';
import { ProjectionsModule, viewProjections } from '@chronicle/projections';
// The API's modules, shared rather than copied: the worker runs the same stores and roles.
import { EventStoreModule } from '../../api/src/infrastructure/event-store.module';
import { QueueModule } from '../../api/src/queue/queue.module';

/**
 * The API's background roles without HTTP: projectors, SLA timers, the command queue and rebuild
 * jobs. For deployments with real servers (EventStoreDB, MongoDB, Redis) that scale them apart.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: ChronicleConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config),
        EventStoreModule,
        ProjectionsModule.forRoot(),
        ProjectionsModule.forFeatureAsync({
          imports: [ApplicationModule],
          inject: [PersonalDataCipher],
          useFactory: viewProjections,
        }),
        QueueModule.forRoot(),
      ],
    };
  }
}
