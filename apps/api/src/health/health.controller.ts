import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../openapi/api-answers';
import { HealthAnswer } from './health.response';
import { EVENT_STORE, type EventStore } from '@chronicle/event-store';
import { type EventStoreAdapter, eventStoreAdapterFor } from '@chronicle/event-store/module';
import type { IntegrityLog, IntegrityStatus } from '@chronicle/integrity';
import { CHRONICLE_CONFIG, type ChronicleConfig, Public } from '@chronicle/platform';
import { REDIS_HEALTH } from '@chronicle/scheduling';
import {
  probe,
  type ProbeStatus,
  READ_STORE_HEALTH,
  type ReadStoreHealthProbe,
  type HealthProbe,
  INTEGRITY_STATUS,
} from './health-probes';
import { ApiErrors } from '../openapi/api-errors';

export interface HealthReport {
  status: 'ok' | 'degraded';
  eventStore: { adapter: EventStoreAdapter; status: ProbeStatus };
  readStore: { adapter: 'embedded' | 'mongodb' | 'none'; status: ProbeStatus | 'not configured' };
  redis: { status: ProbeStatus | 'not configured' };
  integrity: IntegrityStatus | { status: 'not configured' };
}

@ApiTags('operations')
@ApiErrors(400, 500)
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(CHRONICLE_CONFIG) private readonly config: ChronicleConfig,
    @Optional() @Inject(READ_STORE_HEALTH) private readonly readStore?: ReadStoreHealthProbe,
    @Optional() @Inject(REDIS_HEALTH) private readonly redis?: HealthProbe,
    @Optional()
    @Inject(INTEGRITY_STATUS)
    private readonly integrity?: Pick<IntegrityLog, 'status'>,
  ) {}

  /**
   * 200 when every configured store answers, 503 (same body) when one does not. A failed integrity
   * check makes the body `degraded` but keeps the 200: the node must stay reachable so the
   * damage can be inspected (docs/audit.md).
   */
  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether every configured store answers (no key needed)' })
  @ApiAnswer(HealthAnswer, { description: 'Every configured store answers' })
  @ApiAnswer(HealthAnswer, { status: 503, description: 'A configured store does not answer' })
  async check(
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ): Promise<HealthReport> {
    const [eventStore, readStore, redis] = await Promise.all([
      probe(() => this.eventStore.headPosition()),
      probeIfProvided(this.readStore),
      probeIfProvided(this.redis),
    ]);
    const integrity = this.integrity?.status() ?? { status: 'not configured' as const };
    const down = [eventStore, readStore, redis].includes('down');
    const report: HealthReport = {
      status: down || integrity.status === 'failed' ? 'degraded' : 'ok',
      eventStore: { adapter: eventStoreAdapterFor(this.config), status: eventStore },
      readStore: { adapter: this.readStore?.adapter ?? 'none', status: readStore },
      redis: { status: redis },
      integrity,
    };
    // Load balancers read the status line, not the body.
    if (down) response.status(503);
    return report;
  }
}

async function probeIfProvided(
  dependency: HealthProbe | undefined,
): Promise<ProbeStatus | 'not configured'> {
  return dependency ? probe(() => dependency.ping()) : 'not configured';
}
