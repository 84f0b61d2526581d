import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TICKET_PRIORITIES } from '@chronicle/domain';
import {
  ProjectorRuntime,
  queryServiceSla,
  serviceSlaProjection,
  SLA_TICKETS,
  type ServiceSlaView,
  type SlaReadModel,
} from '@chronicle/projections';
import { ChronicleError, Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { parseFilterParameter, parseViewWindow } from './view-query';
import { type ViewClock, VIEWS_CLOCK } from './views-clock';

/** Waits for `minPosition` if asked, then names where the service-sla projection serves reads. */
export async function slaReadModel(
  runtime: ProjectorRuntime,
  readStore: ReadStore,
  minPosition: string | undefined,
): Promise<SlaReadModel> {
  const name = serviceSlaProjection.name;
  if (minPosition !== undefined) await runtime.waitForPosition(name, minPosition);
  // The position is read before the documents, so the answer is at least that recent.
  const position = runtime.position(name);
  return { readStore, tickets: runtime.collection(name, SLA_TICKETS), position };
}

function parsePriority(value: unknown): string | undefined {
  const priority = parseFilterParameter('priority', value);
  if (priority === undefined || (TICKET_PRIORITIES as readonly string[]).includes(priority)) {
    return priority;
  }
  throw new ChronicleError('VALIDATION_FAILED', 'Invalid query parameter priority', [
    { field: 'priority', problems: [`priority must be one of ${TICKET_PRIORITIES.join(', ')}`] },
  ]);
}

@ApiTags('views')
@Controller('views')
export class ServiceSlaController {
  constructor(
    private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
  ) {}

  @Roles('analyst')
  @Get('service-sla')
  @ApiOperation({
    summary:
      'SLA figures of the tickets opened in [from, to) (?priority&teamId&agentId&minPosition)',
  })
  async serviceSla(@Query() query: Record<string, unknown>): Promise<ServiceSlaView> {
    const { from, to, minPosition } = parseViewWindow(query);
    const filters = {
      from,
      to,
      priority: parsePriority(query.priority),
      teamId: parseFilterParameter('teamId', query.teamId),
      agentId: parseFilterParameter('agentId', query.agentId),
    };
    const model = await slaReadModel(this.runtime, this.readStore, minPosition);
    return queryServiceSla(model, filters, this.now());
  }
}
