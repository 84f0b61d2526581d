import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  FORECAST_DEALS,
  forecastProjection,
  type ForecastView,
  ProjectorRuntime,
  queryForecast,
  queryForecastAsOf,
} from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { ValidQuery } from '../query/valid-query.decorator';
import { answerAs } from './csv/csv-answer';
import { forecastTable } from './csv/view-tables';
import { ForecastQuery } from './view-queries';
import { viewWindow } from './view-query';
import { type ViewClock, VIEWS_CLOCK } from './views-clock';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { ForecastAnswer } from './responses/sales.response';

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class ForecastController {
  constructor(
    private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
  ) {}

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
    const { from, to, validAt, minPosition } = viewWindow(query);
    const { ownerId, teamId } = query;
    const name = forecastProjection.name;
    if (minPosition !== undefined) await this.runtime.waitForPosition(name, minPosition);
    // The position is read before the documents, so the answer is at least that recent.
    const position = this.runtime.position(name);
    const deals = this.runtime.collection(name, FORECAST_DEALS);
    const model = { readStore: this.readStore, deals, position };
    const filters = { from, to, ownerId, teamId };
    const view =
      validAt === undefined
        ? await queryForecast(model, filters, this.now().toISOString())
        : await queryForecastAsOf(model, filters, validAt);
    return answerAs(accept, reply, view, forecastTable);
  }
}
