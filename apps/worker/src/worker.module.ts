import { type DynamicModule, Module } from '@nestjs/common';
import { EventStoreModule } from '@chronicle/event-store/module';
import { ApplicationModule, PersonalDataCipher } from '@chronicle/application';
import { type ChronicleConfig, PlatformModule } from '@chronicle/platform';
import { QueueModule } from '@chronicle/scheduling/module';
import { ProjectionsModule, viewProjections } from '@chronicle/projections';

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
        EventStoreModule.forRoot(config),
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
