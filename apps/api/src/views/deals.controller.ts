import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  dealLookupProjection,
  type DealView,
  LOOKUP_DEALS,
  ProjectorRuntime,
  queryDeal,
  queryDeals,
} from '@chronicle/projections';
import { ChronicleError, Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { ReadYourWritesQuery } from '../query/read-your-writes.query';
import { ValidQuery } from '../query/valid-query.decorator';
import { tagWithRevision } from './entity-revision';
import { LookupCursors } from './lookup-cursor';
import { DealsQuery, DEFAULT_LOOKUP_LIMIT, lookupFilters } from './lookup-queries';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { DealAnswer, DealListAnswer } from './responses/lookups.response';

export interface DealList {
  deals: DealView[];
  next: string | null;
  position: string;
}

const NAME = dealLookupProjection.name;

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class DealsController {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(LookupCursors) private readonly cursors: LookupCursors,
  ) {}

  @Roles('analyst', 'service')
  @Get('deals')
  @ApiAnswer(DealListAnswer)
  @ApiOperation({ summary: 'Deals by contact, status or owner, with revision; cursor paging' })
  async deals(@ValidQuery(DealsQuery) query: DealsQuery): Promise<DealList> {
    const filters = lookupFilters(query);
    const afterId = this.cursors.afterId('deals', filters, query.cursor);
    const position = await this.positionAfter(query.minPosition);
    const page = await queryDeals(
      this.readStore,
      this.runtime.collection(NAME, LOOKUP_DEALS),
      filters,
      {
        afterId,
        limit: query.limit ?? DEFAULT_LOOKUP_LIMIT,
        position,
      },
    );
    return { deals: page.items, next: this.cursors.next('deals', filters, page.lastId), position };
  }

  @Roles('analyst', 'service')
  @Get('deals/:dealId')
  @ApiErrors(404)
  @ApiAnswer(DealAnswer)
  @ApiOperation({ summary: 'One deal with its stream revision (also the ETag, for If-Match)' })
  async deal(
    @Param('dealId') dealId: string,
    @ValidQuery(ReadYourWritesQuery) { minPosition }: ReadYourWritesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DealView> {
    const position = await this.positionAfter(minPosition);
    const collection = this.runtime.collection(NAME, LOOKUP_DEALS);
    const deal = await queryDeal(this.readStore, collection, dealId, position);
    if (!deal) throw new ChronicleError('NOT_FOUND', `Deal ${dealId} does not exist`);
    tagWithRevision(reply, deal.revision);
    return deal;
  }

  // The position is read before the documents, so the answer is at least that recent.
  private async positionAfter(minPosition: string | undefined): Promise<string> {
    if (minPosition !== undefined) await this.runtime.waitForPosition(NAME, minPosition);
    return this.runtime.position(NAME);
  }
}
