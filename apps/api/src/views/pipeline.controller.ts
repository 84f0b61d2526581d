import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  PIPELINE_DEALS,
  pipelineProjection,
  ProjectorRuntime,
  queryPipeline,
  queryPipelineAsOf,
  type PipelineView,
} from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { ValidQuery } from '../query/valid-query.decorator';
import { answerAs } from './csv/csv-answer';
import { pipelineTable } from './csv/view-tables';
import { PipelineQuery } from './view-queries';
import { viewWindow } from './view-query';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { PipelineAnswer } from './responses/sales.response';

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class PipelineController {
  constructor(
    private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @Roles('analyst')
  @Get('pipeline')
  @ApiAnswer(PipelineAnswer, { csv: true })
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'Deals opened in [from, to), optionally broken down, now or as they stood at validAt (?ownerId&teamId&channel&product&groupBy&validAt&minPosition)',
  })
  async pipeline(
    @ValidQuery(PipelineQuery) query: PipelineQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PipelineView | string> {
    const { from, to, validAt, minPosition } = viewWindow(query);
    const { ownerId, teamId, channel, product } = query;
    const filters = { from, to, ownerId, teamId, channel, product };
    const name = pipelineProjection.name;
    if (minPosition !== undefined) await this.runtime.waitForPosition(name, minPosition);
    // The position is read before the documents, so the answer is at least that recent.
    const position = this.runtime.position(name);
    const deals = this.runtime.collection(name, PIPELINE_DEALS);
    const model = { readStore: this.readStore, deals, position };
    const view =
      validAt === undefined
        ? await queryPipeline(model, filters, query.groupBy)
        : await queryPipelineAsOf(model, filters, validAt, query.groupBy);
    return answerAs(accept, reply, view, pipelineTable);
  }
}
