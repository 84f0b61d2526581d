import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  FUNNEL_CONTACTS,
  lifecycleFunnelProjection,
  type LifecycleFunnelView,
  ProjectorRuntime,
  queryLifecycleFunnel,
  queryLifecycleFunnelAsOf,
} from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { ValidQuery } from '../query/valid-query.decorator';
import { answerAs } from './csv/csv-answer';
import { funnelTable } from './csv/view-tables';
import { LifecycleFunnelQuery } from './view-queries';
import { viewWindow } from './view-query';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { LifecycleFunnelAnswer } from './responses/funnel.response';

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class FunnelController {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @Roles('analyst')
  @Get('lifecycle-funnel')
  @ApiAnswer(LifecycleFunnelAnswer, { csv: true })
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'Lifecycle funnel of the contacts registered in [from, to) (?campaignId&ownerId&source&minPosition); with validAt, as it stood at that business time',
  })
  async lifecycleFunnel(
    @ValidQuery(LifecycleFunnelQuery) query: LifecycleFunnelQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LifecycleFunnelView | string> {
    const { from, to, validAt, minPosition } = viewWindow(query);
    const { campaignId, ownerId, source } = query;
    const filters = { from, to, campaignId, ownerId, source };
    const name = lifecycleFunnelProjection.name;
    if (minPosition !== undefined) await this.runtime.waitForPosition(name, minPosition);
    // The position is read before the documents, so the answer is at least that recent.
    const position = this.runtime.position(name);
    const collection = this.runtime.collection(name, FUNNEL_CONTACTS);
    const view =
      validAt === undefined
        ? await queryLifecycleFunnel(this.readStore, collection, filters, position)
        : await queryLifecycleFunnelAsOf(this.readStore, collection, filters, validAt, position);
    return answerAs(accept, reply, view, funnelTable);
  }
}
