import { type DynamicModule, Module } from '@nestjs/common';
import { EventStoreModule } from '@chronicle/event-store/module';
import { ApplicationModule } from '@chronicle/application';
import { type ChronicleConfig, PlatformModule } from '@chronicle/platform';

/**
 * The API's write side without HTTP or projectors: config, event store and the command
 * pipeline behind the CommandBus. Projectors catch up from their checkpoints when the API next
 * starts, so an import is not slowed down by them.
 */
@Module({})
export class ImportAppModule {
  static forRoot(config: ChronicleConfig): DynamicModule {
    return {
      module: ImportAppModule,
      imports: [
        PlatformModule.forRoot(config),
        EventStoreModule.forRoot(config),
        ApplicationModule,
      ],
    };
  }
}
