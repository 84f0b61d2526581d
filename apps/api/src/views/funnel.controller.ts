import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { LifecycleFunnelView } from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { ValidQuery } from '../query/valid-query.decorator';
import { answerAs } from './csv/csv-answer';
import { funnelTable } from './csv/view-tables';
import { LifecycleFunnelRead } from './handlers/funnel.handler';
import { LifecycleFunnelQuery } from './view-queries';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { LifecycleFunnelAnswer } from './responses/funnel.response';

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class FunnelController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Roles('analyst')
  @Get('lifecycle-funnel')
  @ApiAnswer(LifecycleFunnelAnswer, { csv: true })
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'Lifecycle funnel of the contacts registered in [from, to) (?campaignId&ownerId&source&minPosition); with validAt, as it stood at that business time',
  })
  async lifecycleFunnel(
    @ValidQuery(LifecycleFunnelQuery) query: LifecycleFunnelQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LifecycleFunnelView | string> {
    const view = await this.queryBus.execute(new LifecycleFunnelRead(query));
    return answerAs(accept, reply, view, funnelTable);
  }
}
