import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  dealLookupProjection,
  type DealView,
  LOOKUP_DEALS,
  ProjectorRuntime,
  queryDeals,
} from '@chronicle/projections';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { LookupCursors } from '../lookup-cursor';
import { type DealsQuery, DEFAULT_LOOKUP_LIMIT, lookupFilters } from '../lookup-queries';
import { readPosition } from './read-position';

export interface DealList {
  deals: DealView[];
  next: string | null;
  position: string;
}

const NAME = dealLookupProjection.name;

/** `GET /views/deals` on the QueryBus: one page of the deals matching the filters. */
export class DealListRead extends Query<DealList> {
  constructor(readonly query: DealsQuery) {
    super();
  }
}

@QueryHandler(DealListRead)
export class DealListHandler implements IQueryHandler<DealListRead> {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(LookupCursors) private readonly cursors: LookupCursors,
  ) {}

  async execute({ query }: DealListRead): Promise<DealList> {
    const filters = lookupFilters(query);
    const afterId = this.cursors.afterId('deals', filters, query.cursor);
    const position = await readPosition(this.runtime, NAME, query.minPosition);
    const page = await queryDeals(
      this.readStore,
      this.runtime.collection(NAME, LOOKUP_DEALS),
      filters,
      { afterId, limit: query.limit ?? DEFAULT_LOOKUP_LIMIT, position },
    );
    return { deals: page.items, next: this.cursors.next('deals', filters, page.lastId), position };
  }
}
