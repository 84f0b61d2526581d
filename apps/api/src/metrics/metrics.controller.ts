import { timingSafeEqual, createHash } from 'node:crypto';
import {
  type CanActivate,
  Controller,
  type ExecutionContext,
  Get,
  Header,
  Inject,
  Injectable,
  Optional,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import {
  CHRONICLE_CONFIG,
  type ChronicleConfig,
  bearerToken,
  ChronicleError,
  Public,
  type RequestWithActor,
} from '@chronicle/platform';
import { ProjectorRuntime, type ProjectionStatus } from '@chronicle/projections';
import { WebhookMetrics } from '../admin/webhook-metrics';
import { FeedConnections } from '../feed/feed-connections';
import { httpMetrics } from './http-metrics';
import { gauge, type MetricFamily, type Sample, toPrometheusText } from './prometheus-text';

/**
 * The API-key guard knows only API keys, so `/metrics` checks its own credentials: an admin key
 * (its actor found by the key hook before the body, as on every route) or the metrics token. As a
 * guard it runs before the query is judged, so a caller without credentials meets 401 whatever it
 * sends.
 */
@Injectable()
class MetricsCredentialsGuard implements CanActivate {
  constructor(@Inject(CHRONICLE_CONFIG) private readonly config: ChronicleConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    if (request.actor) {
      if (request.actor.roles.includes('admin')) return true;
      throw new ChronicleError('FORBIDDEN', 'Metrics need the admin role');
    }
    const token = bearerToken(request.headers.authorization);
    if (!token)
      throw new ChronicleError('UNAUTHENTICATED', 'An API key or the metrics token is required');
    if (this.config.metricsToken && sameSecret(token, this.config.metricsToken)) return true;
    throw new ChronicleError('UNAUTHENTICATED', 'Unknown API key');
  }
}

/** `GET /metrics` (docs/api.md): Prometheus text for an admin key or the metrics token. */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    // Absent from apps that run without the feed or webhooks.
    @Optional() @Inject(FeedConnections) private readonly feeds?: FeedConnections,
    @Optional() @Inject(WebhookMetrics) private readonly webhooks?: WebhookMetrics,
  ) {}

  @Public()
  @UseGuards(MetricsCredentialsGuard)
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics (admin key or CHRONICLE_METRICS_TOKEN)' })
  async metrics(): Promise<string> {
    const report = await this.runtime.status();
    const perProjection = (value: (projection: ProjectionStatus) => number): Sample[] =>
      report.projections.map((projection) => ({
        labels: { projection: projection.name },
        value: value(projection),
      }));
    const families: MetricFamily[] = [
      gauge('chronicle_event_store_head_position', 'Global position of the last stored event.', [
        { value: Number(report.headPosition) },
      ]),
      gauge(
        'chronicle_projection_position',
        'Position each projection has committed.',
        perProjection((projection) => Number(projection.position)),
      ),
      gauge(
        'chronicle_projection_lag',
        'Positions between the head and each projection.',
        perProjection((projection) => Number(projection.lag)),
      ),
      gauge(
        'chronicle_projection_failed',
        '1 when a projection stopped on an error.',
        perProjection((projection) => (projection.state === 'failed' ? 1 : 0)),
      ),
      {
        name: 'chronicle_http_requests_total',
        help: 'HTTP requests answered by this process.',
        type: 'counter',
        samples: httpMetrics.rows().map(([method, route, status, count]) => ({
          labels: { method, route, status },
          value: count,
        })),
      },
      gauge('chronicle_process_resident_memory_bytes', 'Resident memory of this process.', [
        { value: process.memoryUsage().rss },
      ]),
      ...this.feedFamilies(),
      ...((await this.webhooks?.families()) ?? []),
    ];
    return toPrometheusText(families);
  }

  private feedFamilies(): MetricFamily[] {
    if (!this.feeds) return [];
    const { open, waitingForReader, bufferedBytes } = this.feeds.figures();
    return [
      gauge('chronicle_feed_streams_open', 'Server-Sent Event feed streams open.', [
        { value: open },
      ]),
      gauge(
        'chronicle_feed_streams_waiting_for_reader',
        'Feed streams whose socket is full: they read nothing more until it drains.',
        [{ value: waitingForReader }],
      ),
      gauge(
        'chronicle_feed_streams_buffered_bytes',
        'Bytes written to feed streams and not yet taken by their sockets.',
        [{ value: bufferedBytes }],
      ),
    ];
  }
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
