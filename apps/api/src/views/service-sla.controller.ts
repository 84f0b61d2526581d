import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ServiceSlaView } from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { ValidQuery } from '../query/valid-query.decorator';
import { answerAs } from './csv/csv-answer';
import { serviceSlaTable } from './csv/view-tables';
import { ServiceSlaRead } from './handlers/service-sla.handler';
import { ServiceSlaQuery } from './view-queries';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { ServiceSlaAnswer } from './responses/service-sla.response';

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class ServiceSlaController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

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
    const view = await this.queryBus.execute(new ServiceSlaRead(query));
    return answerAs(accept, reply, view, serviceSlaTable);
  }
}
