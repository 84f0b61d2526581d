import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { DataQualityView } from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { ValidQuery } from '../query/valid-query.decorator';
import { answerAs } from './csv/csv-answer';
import { dataQualityTable } from './csv/view-tables';
import { DataQualityRead } from './handlers/data-quality.handler';
import { DataQualityQuery } from './view-queries';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { DataQualityAnswer } from './responses/data-quality.response';

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class DataQualityController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Roles('analyst')
  @Get('data-quality')
  @ApiAnswer(DataQualityAnswer, { csv: true })
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'Live contacts, what they miss, open duplicate suspicions, stale, erased and merged contacts (?staleDays&validAt&minPosition); validAt answers for the world at that business time',
  })
  async dataQuality(
    @ValidQuery(DataQualityQuery) query: DataQualityQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DataQualityView | string> {
    const view = await this.queryBus.execute(new DataQualityRead(query));
    return answerAs(accept, reply, view, dataQualityTable);
  }
}
