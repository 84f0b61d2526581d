import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DealView } from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { ReadYourWritesQuery } from '../query/read-your-writes.query';
import { ValidQuery } from '../query/valid-query.decorator';
import { tagWithRevision } from './entity-revision';
import { DealRead } from './handlers/deal.handler';
import { type DealList, DealListRead } from './handlers/deal-list.handler';
import { DealsQuery } from './lookup-queries';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { DealAnswer, DealListAnswer } from './responses/lookups.response';

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class DealsController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Roles('analyst', 'service')
  @Get('deals')
  @ApiAnswer(DealListAnswer)
  @ApiOperation({ summary: 'Deals by contact, status or owner, with revision; cursor paging' })
  deals(@ValidQuery(DealsQuery) query: DealsQuery): Promise<DealList> {
    return this.queryBus.execute(new DealListRead(query));
  }

  @Roles('analyst', 'service')
  @Get('deals/:dealId')
  @ApiErrors(404)
  @ApiAnswer(DealAnswer)
  @ApiOperation({ summary: 'One deal with its stream revision (also the ETag, for If-Match)' })
  async deal(
    @Param('dealId') dealId: string,
    @ValidQuery(ReadYourWritesQuery) query: ReadYourWritesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DealView> {
    const deal = await this.queryBus.execute(new DealRead(dealId, query));
    tagWithRevision(reply, deal.revision);
    return deal;
  }
}
