import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  FORECAST_DEALS,
  forecastProjection,
  type ForecastView,
  ProjectorRuntime,
  queryForecast,
  queryForecastAsOf,
} from '@chronicle/projections';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import type { ForecastQuery } from '../view-queries';
import { viewWindow } from '../view-query';
import { type ViewClock, VIEWS_CLOCK } from '../views-clock';
import { readPosition } from './read-position';

/** `GET /views/forecast` on the QueryBus. */
export class ForecastRead extends Query<ForecastView> {
  constructor(readonly query: ForecastQuery) {
    super();
  }
}

@QueryHandler(ForecastRead)
export class ForecastHandler implements IQueryHandler<ForecastRead> {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
  ) {}

  async execute({ query }: ForecastRead): Promise<ForecastView> {
    const { from, to, validAt, minPosition } = viewWindow(query);
    const { ownerId, teamId } = query;
    const name = forecastProjection.name;
    const position = await readPosition(this.runtime, name, minPosition);
    const deals = this.runtime.collection(name, FORECAST_DEALS);
    const model = { readStore: this.readStore, deals, position };
    const filters = { from, to, ownerId, teamId };
    return validAt === undefined
      ? queryForecast(model, filters, this.now().toISOString())
      : queryForecastAsOf(model, filters, validAt);
  }
}
