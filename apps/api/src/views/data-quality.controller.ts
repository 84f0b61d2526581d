import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
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
import { Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { toUtcTime } from '../query/query-fields';
import { ValidQuery } from '../query/valid-query.decorator';
import { answerAs } from './csv/csv-answer';
import { dataQualityTable } from './csv/view-tables';
import { DataQualityQuery, DEFAULT_STALE_DAYS } from './view-queries';
import { type ViewClock, VIEWS_CLOCK } from './views-clock';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { DataQualityAnswer } from './responses/data-quality.response';

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class DataQualityController {
  constructor(
    private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
  ) {}

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
    const { minPosition, staleDays = DEFAULT_STALE_DAYS } = query;
    if (minPosition !== undefined) await this.runtime.waitForPosition(DATA_QUALITY, minPosition);
    // The position is read before the documents, so the answer is at least that recent.
    const position = this.runtime.position(DATA_QUALITY);
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
    const view =
      validAt === undefined
        ? await queryDataQuality(model, staleDays, this.now().toISOString())
        : await queryDataQualityAsOf(model, staleDays, validAt);
    return answerAs(accept, reply, view, dataQualityTable);
  }
}
