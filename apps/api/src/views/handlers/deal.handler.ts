import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  dealLookupProjection,
  type DealView,
  LOOKUP_DEALS,
  ProjectorRuntime,
  queryDeal,
} from '@chronicle/projections';
import { ChronicleError } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import type { ReadYourWritesQuery } from '../../query/read-your-writes.query';
import { readPosition } from './read-position';

const NAME = dealLookupProjection.name;

/** `GET /views/deals/{id}` on the QueryBus; NOT_FOUND when the deal does not exist. */
export class DealRead extends Query<DealView> {
  constructor(
    readonly dealId: string,
    readonly query: ReadYourWritesQuery,
  ) {
    super();
  }
}

@QueryHandler(DealRead)
export class DealHandler implements IQueryHandler<DealRead> {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async execute({ dealId, query }: DealRead): Promise<DealView> {
    const position = await readPosition(this.runtime, NAME, query.minPosition);
    const collection = this.runtime.collection(NAME, LOOKUP_DEALS);
    const deal = await queryDeal(this.readStore, collection, dealId, position);
    if (!deal) throw new ChronicleError('NOT_FOUND', `Deal ${dealId} does not exist`);
    return deal;
  }
}
