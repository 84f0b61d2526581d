import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  DATA_QUALITY_PROJECTION as DATA_QUALITY,
  type DataQualityView,
  ProjectorRuntime,
  QUALITY_CONTACTS,
  QUALITY_DAYS,
  QUALITY_TOTALS,
  queryDataQuality,
  queryDataQualityAsOf,
} from '@chronicle/projections';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { toUtcTime } from '../../query/query-fields';
import { type DataQualityQuery, DEFAULT_STALE_DAYS } from '../view-queries';
import { type ViewClock, VIEWS_CLOCK } from '../views-clock';
import { readPosition } from './read-position';

/** `GET /views/data-quality` on the QueryBus. */
export class DataQualityRead extends Query<DataQualityView> {
  constructor(readonly query: DataQualityQuery) {
    super();
  }
}

@QueryHandler(DataQualityRead)
export class DataQualityHandler implements IQueryHandler<DataQualityRead> {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
  ) {}

  async execute({ query }: DataQualityRead): Promise<DataQualityView> {
    const { minPosition, staleDays = DEFAULT_STALE_DAYS } = query;
    const position = await readPosition(this.runtime, DATA_QUALITY, minPosition);
    const collection = (logical: string) => this.runtime.collection(DATA_QUALITY, logical);
    const model = {
      readStore: this.readStore,
      contacts: collection(QUALITY_CONTACTS),
      days: collection(QUALITY_DAYS),
      totals: collection(QUALITY_TOTALS),
      position,
    };
    const validAt = toUtcTime(query.validAt);
    // Day summaries hold the live answer; an as-of answer folds every contact's facts again.
    return validAt === undefined
      ? queryDataQuality(model, staleDays, this.now().toISOString())
      : queryDataQualityAsOf(model, staleDays, validAt);
  }
}
