import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  LOOKUP_TICKETS,
  ProjectorRuntime,
  queryTickets,
  ticketLookupProjection,
  type TicketRevisionView,
} from '@chronicle/projections';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { LookupCursors } from '../lookup-cursor';
import { DEFAULT_LOOKUP_LIMIT, lookupFilters, type TicketsQuery } from '../lookup-queries';
import { type ViewClock, VIEWS_CLOCK } from '../views-clock';
import { readPosition } from './read-position';

export interface TicketList {
  tickets: TicketRevisionView[];
  next: string | null;
  position: string;
}

const NAME = ticketLookupProjection.name;

/** `GET /views/tickets` on the QueryBus: one page of the tickets matching the filters. */
export class TicketListRead extends Query<TicketList> {
  constructor(readonly query: TicketsQuery) {
    super();
  }
}

@QueryHandler(TicketListRead)
export class TicketListHandler implements IQueryHandler<TicketListRead> {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
    @Inject(LookupCursors) private readonly cursors: LookupCursors,
  ) {}

  async execute({ query }: TicketListRead): Promise<TicketList> {
    const filters = lookupFilters(query);
    const afterId = this.cursors.afterId('tickets', filters, query.cursor);
    const position = await readPosition(this.runtime, NAME, query.minPosition);
    const collection = this.runtime.collection(NAME, LOOKUP_TICKETS);
    const page = await queryTickets(this.readStore, collection, filters, {
      afterId,
      limit: query.limit ?? DEFAULT_LOOKUP_LIMIT,
      position,
      now: this.now(),
    });
    const next = this.cursors.next('tickets', filters, page.lastId);
    return { tickets: page.items, next, position };
  }
}
