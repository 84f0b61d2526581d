import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  FUNNEL_CONTACTS,
  lifecycleFunnelProjection,
  type LifecycleFunnelView,
  ProjectorRuntime,
  queryLifecycleFunnel,
  queryLifecycleFunnelAsOf,
} from '@chronicle/projections';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import type { LifecycleFunnelQuery } from '../view-queries';
import { viewWindow } from '../view-query';
import { readPosition } from './read-position';

/** `GET /views/lifecycle-funnel` on the QueryBus. */
export class LifecycleFunnelRead extends Query<LifecycleFunnelView> {
  constructor(readonly query: LifecycleFunnelQuery) {
    super();
  }
}

@QueryHandler(LifecycleFunnelRead)
export class LifecycleFunnelHandler implements IQueryHandler<LifecycleFunnelRead> {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async execute({ query }: LifecycleFunnelRead): Promise<LifecycleFunnelView> {
    const { from, to, validAt, minPosition } = viewWindow(query);
    const { campaignId, ownerId, source } = query;
    const filters = { from, to, campaignId, ownerId, source };
    const name = lifecycleFunnelProjection.name;
    const position = await readPosition(this.runtime, name, minPosition);
    const collection = this.runtime.collection(name, FUNNEL_CONTACTS);
    return validAt === undefined
      ? queryLifecycleFunnel(this.readStore, collection, filters, position)
      : queryLifecycleFunnelAsOf(this.readStore, collection, filters, validAt, position);
  }
}
