import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  PIPELINE_DEALS,
  pipelineProjection,
  ProjectorRuntime,
  queryPipeline,
  type PipelineView,
} from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { ValidQuery } from '../query/valid-query.decorator';
import { PipelineQuery } from './view-queries';
import { viewWindow } from './view-query';

@ApiTags('views')
@Controller('views')
export class PipelineController {
  constructor(
    private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @Roles('analyst')
  @Get('pipeline')
  @ApiOperation({
    summary:
      'Deals opened in [from, to), optionally broken down (?ownerId&teamId&channel&product&groupBy&minPosition)',
  })
  async pipeline(@ValidQuery(PipelineQuery) query: PipelineQuery): Promise<PipelineView> {
    const { from, to, minPosition } = viewWindow(query);
    const { ownerId, teamId, channel, product } = query;
    const filters = { from, to, ownerId, teamId, channel, product };
    const name = pipelineProjection.name;
    if (minPosition !== undefined) await this.runtime.waitForPosition(name, minPosition);
    // The position is read before the documents, so the answer is at least that recent.
    const position = this.runtime.position(name);
    const deals = this.runtime.collection(name, PIPELINE_DEALS);
    const model = { readStore: this.readStore, deals, position };
    return queryPipeline(model, filters, query.groupBy);
  }
}
