import { type DynamicModule, Module } from '@nestjs/common';
import { type ChronicleConfig, PlatformModule } from '@chronicle/platform';
import { WhoAmIController } from './admin/whoami.controller';
import { HealthController } from './health/health.controller';
import { EventStoreModule } from './infrastructure/event-store.module';

@Module({})
export class AppModule {
  static forRoot(config: ChronicleConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config), EventStoreModule],
      controllers: [HealthController, WhoAmIController],
    };
  }
}
