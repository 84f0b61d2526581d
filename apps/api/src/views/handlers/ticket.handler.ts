import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  LOOKUP_TICKETS,
  ProjectorRuntime,
  queryTicketAsOf,
  queryTicketWithRevision,
  serviceSlaProjection,
  SLA_TICKETS,
  ticketLookupProjection,
  type TicketRevisionView,
} from '@chronicle/projections';
import { ChronicleError } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import type { BusinessMomentQuery } from '../../query/business-moment.query';
import { toUtcTime } from '../../query/query-fields';
import { type ViewClock, VIEWS_CLOCK } from '../views-clock';
import { readPosition } from './read-position';

const NAME = ticketLookupProjection.name;
const SLA = serviceSlaProjection.name;

/** `GET /views/tickets/{id}` on the QueryBus; NOT_FOUND when the ticket does not exist (then). */
export class TicketRead extends Query<TicketRevisionView> {
  constructor(
    readonly ticketId: string,
    readonly query: BusinessMomentQuery,
  ) {
    super();
  }
}

@QueryHandler(TicketRead)
export class TicketHandler implements IQueryHandler<TicketRead> {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
  ) {}

  async execute({ ticketId, query }: TicketRead): Promise<TicketRevisionView> {
    const { minPosition, validAt } = query;
    const ticket =
      validAt === undefined
        ? await this.currentTicket(ticketId, minPosition)
        : await this.ticketAsOf(ticketId, toUtcTime(validAt)!, minPosition);
    if (!ticket) throw new ChronicleError('NOT_FOUND', `Ticket ${ticketId} does not exist`);
    return ticket;
  }

  private async currentTicket(
    ticketId: string,
    minPosition: string | undefined,
  ): Promise<TicketRevisionView | undefined> {
    const position = await readPosition(this.runtime, NAME, minPosition);
    const collection = this.runtime.collection(NAME, LOOKUP_TICKETS);
    const context = { position, now: this.now() };
    return queryTicketWithRevision(this.readStore, collection, ticketId, context);
  }

  /**
   * The ticket as it stood at `validAt`, folded from the service-sla projection's facts; absent
   * before its opening. `contactId` never changes, and `revision` (with the ETag) stays the
   * stream's current one: it is what `If-Match` is checked against, whatever moment was asked.
   */
  private async ticketAsOf(
    ticketId: string,
    validAt: string,
    minPosition: string | undefined,
  ): Promise<TicketRevisionView | undefined> {
    const position = await readPosition(this.runtime, [NAME, SLA], minPosition);
    const tickets = this.runtime.collection(SLA, SLA_TICKETS);
    const model = { readStore: this.readStore, tickets, position };
    const asOf = await queryTicketAsOf(model, ticketId, validAt);
    if (!asOf) return undefined;
    const lookup = this.runtime.collection(NAME, LOOKUP_TICKETS);
    const context = { position, now: this.now() };
    const current = await queryTicketWithRevision(this.readStore, lookup, ticketId, context);
    return current && { ...asOf, contactId: current.contactId, revision: current.revision };
  }
}
