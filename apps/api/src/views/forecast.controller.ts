import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  FORECAST_DEALS,
  forecastProjection,
  type ForecastView,
  ProjectorRuntime,
  queryForecast,
} from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { ValidQuery } from '../query/valid-query.decorator';
import { ForecastQuery } from './view-queries';
import { viewWindow } from './view-query';
import { type ViewClock, VIEWS_CLOCK } from './views-clock';

@ApiTags('views')
@Controller('views')
export class ForecastController {
  constructor(
    private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
  ) {}

  @Roles('analyst')
  @Get('forecast')
  @ApiOperation({
    summary:
      'Deals opened in [from, to): open ones by expected close month beside the wins of each month (?ownerId&teamId&minPosition)',
  })
  async forecast(@ValidQuery(ForecastQuery) query: ForecastQuery): Promise<ForecastView> {
    const { from, to, minPosition } = viewWindow(query);
    const { ownerId, teamId } = query;
    const name = forecastProjection.name;
    if (minPosition !== undefined) await this.runtime.waitForPosition(name, minPosition);
    // The position is read before the documents, so the answer is at least that recent.
    const position = this.runtime.position(name);
    const deals = this.runtime.collection(name, FORECAST_DEALS);
    const model = { readStore: this.readStore, deals, position };
    return queryForecast(model, { from, to, ownerId, teamId }, this.now().toISOString());
  }
}
