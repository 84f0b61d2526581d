import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  PIPELINE_DEALS,
  pipelineProjection,
  type PipelineView,
  ProjectorRuntime,
  queryPipeline,
  queryPipelineAsOf,
} from '@chronicle/projections';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import type { PipelineQuery } from '../view-queries';
import { viewWindow } from '../view-query';
import { readPosition } from './read-position';

/** `GET /views/pipeline` on the QueryBus. */
export class PipelineRead extends Query<PipelineView> {
  constructor(readonly query: PipelineQuery) {
    super();
  }
}

@QueryHandler(PipelineRead)
export class PipelineHandler implements IQueryHandler<PipelineRead> {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async execute({ query }: PipelineRead): Promise<PipelineView> {
    const { from, to, validAt, minPosition } = viewWindow(query);
    const { ownerId, teamId, channel, product } = query;
    const filters = { from, to, ownerId, teamId, channel, product };
    const name = pipelineProjection.name;
    const position = await readPosition(this.runtime, name, minPosition);
    const deals = this.runtime.collection(name, PIPELINE_DEALS);
    const model = { readStore: this.readStore, deals, position };
    return validAt === undefined
      ? queryPipeline(model, filters, query.groupBy)
      : queryPipelineAsOf(model, filters, validAt, query.groupBy);
  }
}
