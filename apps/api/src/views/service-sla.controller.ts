import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ProjectorRuntime,
  queryServiceSla,
  queryServiceSlaAsOf,
  serviceSlaProjection,
  SLA_TICKETS,
  type ServiceSlaView,
  type SlaReadModel,
} from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { ValidQuery } from '../query/valid-query.decorator';
import { answerAs } from './csv/csv-answer';
import { serviceSlaTable } from './csv/view-tables';
import { ServiceSlaQuery } from './view-queries';
import { viewWindow } from './view-query';
import { type ViewClock, VIEWS_CLOCK } from './views-clock';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { ServiceSlaAnswer } from './responses/service-sla.response';

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

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class ServiceSlaController {
  constructor(
    private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
  ) {}

  @Roles('analyst')
  @Get('service-sla')
  @ApiAnswer(ServiceSlaAnswer, { csv: true })
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'SLA figures of the tickets opened in [from, to) (?priority&teamId&agentId&validAt&minPosition)',
  })
  async serviceSla(
    @ValidQuery(ServiceSlaQuery) query: ServiceSlaQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServiceSlaView | string> {
    const { from, to, validAt, minPosition } = viewWindow(query);
    const { priority, teamId, agentId } = query;
    const filters = { from, to, priority, teamId, agentId };
    const model = await slaReadModel(this.runtime, this.readStore, minPosition);
    // With validAt, team and agent are those in charge then, and every status is judged then.
    const view =
      validAt === undefined
        ? await queryServiceSla(model, filters, this.now())
        : await queryServiceSlaAsOf(model, filters, validAt);
    return answerAs(accept, reply, view, serviceSlaTable);
  }
}
