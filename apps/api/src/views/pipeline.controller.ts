import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { PipelineView } from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { ValidQuery } from '../query/valid-query.decorator';
import { answerAs } from './csv/csv-answer';
import { pipelineTable } from './csv/view-tables';
import { PipelineRead } from './handlers/pipeline.handler';
import { PipelineQuery } from './view-queries';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { PipelineAnswer } from './responses/sales.response';

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class PipelineController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Roles('analyst')
  @Get('pipeline')
  @ApiAnswer(PipelineAnswer, { csv: true })
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'Deals opened in [from, to), optionally broken down, now or as they stood at validAt (?ownerId&teamId&channel&product&groupBy&validAt&minPosition)',
  })
  async pipeline(
    @ValidQuery(PipelineQuery) query: PipelineQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PipelineView | string> {
    const view = await this.queryBus.execute(new PipelineRead(query));
    return answerAs(accept, reply, view, pipelineTable);
  }
}
