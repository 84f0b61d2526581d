import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ForecastView } from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { ValidQuery } from '../query/valid-query.decorator';
import { answerAs } from './csv/csv-answer';
import { forecastTable } from './csv/view-tables';
import { ForecastRead } from './handlers/forecast.handler';
import { ForecastQuery } from './view-queries';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { ForecastAnswer } from './responses/sales.response';

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class ForecastController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Roles('analyst')
  @Get('forecast')
  @ApiAnswer(ForecastAnswer, { csv: true })
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'Deals opened in [from, to): open ones by expected close month beside the wins of each month, now or as they stood at validAt (?ownerId&teamId&validAt&minPosition)',
  })
  async forecast(
    @ValidQuery(ForecastQuery) query: ForecastQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ForecastView | string> {
    const view = await this.queryBus.execute(new ForecastRead(query));
    return answerAs(accept, reply, view, forecastTable);
  }
}
