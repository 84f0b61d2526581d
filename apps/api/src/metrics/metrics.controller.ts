import {
  Controller,
  Get,
  Header,
  Inject,
  type OnModuleDestroy,
  type OnModuleInit,
  Optional,
  UseGuards,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { Public } from '@chronicle/platform';
import { ProjectorRuntime } from '@chronicle/projections';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { WebhookMetrics } from '../admin/webhook-metrics';
import { FeedConnections } from '../feed/feed-connections';
import { feedFamilies, projectionFamilies, residentMemoryFamily } from './app-state-families';
import { chronicleMetrics } from './chronicle-metrics';
import { observeCommandBus } from './command-metrics';
import { observeEventStore } from './event-store-metrics';
import { MetricsCredentialsGuard } from './metrics-credentials.guard';
import { registryOf } from './prometheus-text';
import { observeReadStore } from './read-store-metrics';
import { ApiErrors } from '../openapi/api-errors';
import { ApiTextAnswer } from '../openapi/api-answers';

/**
 * `GET /metrics` (docs/api.md, docs/operations.md): Prometheus text for an admin key or the
 * metrics token. Besides answering, it attaches the observers of commands, appends and projection
 * commits to this application's CommandBus, event store and read store when the module starts,
 * and takes them off when it stops.
 */
@ApiTags('operations')
@ApiErrors(400, 401, 403, 500)
@Controller('metrics')
export class MetricsController implements OnModuleInit, OnModuleDestroy {
  private detach: Array<() => void> = [];

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    // Absent from apps that run without the feed or webhooks.
    @Optional() @Inject(FeedConnections) private readonly feeds?: FeedConnections,
    @Optional() @Inject(WebhookMetrics) private readonly webhooks?: WebhookMetrics,
  ) {}

  onModuleInit(): void {
    this.detach = [
      observeCommandBus(this.commandBus, chronicleMetrics),
      observeEventStore(this.eventStore, chronicleMetrics),
      observeReadStore(this.readStore, chronicleMetrics),
    ];
  }

  onModuleDestroy(): void {
    for (const detach of this.detach.splice(0)) detach();
  }

  @Public()
  @UseGuards(MetricsCredentialsGuard)
  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @ApiOperation({ summary: 'Prometheus metrics (admin key or CHRONICLE_METRICS_TOKEN)' })
  @ApiTextAnswer('text/plain', 'The Prometheus text exposition format (version 0.0.4)')
  async metrics(): Promise<string> {
    const scraped = registryOf([
      ...projectionFamilies(await this.runtime.status()),
      residentMemoryFamily(),
      ...(this.feeds ? feedFamilies(this.feeds) : []),
      ...((await this.webhooks?.families()) ?? []),
    ]);
    // merge refuses a name registered twice, so a scraped family never shadows an observed one.
    return Registry.merge([chronicleMetrics.registry, scraped]).metrics();
  }
}
