import { type DynamicModule, Module } from '@nestjs/common';
import { EventStoreModule } from '@chronicle/event-store/module';
import { type ChronicleConfig, PlatformModule } from '@chronicle/platform';
import { QueueModule } from '@chronicle/scheduling/module';
import { ProjectionsModule } from '@chronicle/projections';
import { ProjectionsController } from './admin/projections.controller';
import { WebhooksModule } from './admin/webhooks.module';
import { WhoAmIController } from './admin/whoami.controller';
import { AuditModule } from './audit/audit.module';
import { CommandsModule } from './commands/commands.module';
import { ConsoleModule } from './console/console.module';
import { HealthController } from './health/health.controller';
import { readStoreHealthProvider } from './health/read-store-health.provider';
import { FeedModule } from './feed/feed.module';
import { MetricsController } from './metrics/metrics.controller';
import { QueryModule } from './query/query.module';
import { ViewsModule } from './views/views.module';

@Module({})
export class AppModule {
  static forRoot(config: ChronicleConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config),
        EventStoreModule.forRoot(config),
        ProjectionsModule.forRoot(),
        CommandsModule,
        AuditModule,
        ViewsModule,
        FeedModule,
        WebhooksModule,
        QueueModule.forRoot(),
        QueryModule,
        ConsoleModule,
      ],
      controllers: [HealthController, WhoAmIController, ProjectionsController, MetricsController],
      providers: [readStoreHealthProvider],
    };
  }
}
