import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  LOOKUP_TICKETS,
  ProjectorRuntime,
  queryTickets,
  queryTicketAsOf,
  queryTicketWithRevision,
  serviceSlaProjection,
  SLA_TICKETS,
  ticketLookupProjection,
  type TicketRevisionView,
} from '@chronicle/projections';
import { ChronicleError, Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { BusinessMomentQuery } from '../query/business-moment.query';
import { toUtcTime } from '../query/query-fields';
import { ValidQuery } from '../query/valid-query.decorator';
import { tagWithRevision } from './entity-revision';
import { LookupCursors } from './lookup-cursor';
import { DEFAULT_LOOKUP_LIMIT, lookupFilters, TicketsQuery } from './lookup-queries';
import { type ViewClock, VIEWS_CLOCK } from './views-clock';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { TicketAnswer, TicketListAnswer } from './responses/lookups.response';

export interface TicketList {
  tickets: TicketRevisionView[];
  next: string | null;
  position: string;
}

const NAME = ticketLookupProjection.name;
const SLA = serviceSlaProjection.name;

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class TicketsController {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
    @Inject(LookupCursors) private readonly cursors: LookupCursors,
  ) {}

  @Roles('analyst', 'service')
  @Get('tickets')
  @ApiAnswer(TicketListAnswer)
  @ApiOperation({
    summary:
      'Tickets by contact, status, agent or team, SLA judged now, with revision; cursor paging',
  })
  async tickets(@ValidQuery(TicketsQuery) query: TicketsQuery): Promise<TicketList> {
    const filters = lookupFilters(query);
    const afterId = this.cursors.afterId('tickets', filters, query.cursor);
    const position = await this.positionAfter(query.minPosition);
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

  @Roles('analyst', 'service')
  @Get('tickets/:ticketId')
  @ApiErrors(404)
  @ApiAnswer(TicketAnswer)
  @ApiOperation({
    summary:
      'One ticket with its SLA targets judged now (or as of validAt) and its stream revision (also the ETag)',
  })
  async ticket(
    @Param('ticketId') ticketId: string,
    @ValidQuery(BusinessMomentQuery) { minPosition, validAt }: BusinessMomentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketRevisionView> {
    const ticket =
      validAt === undefined
        ? await this.currentTicket(ticketId, minPosition)
        : await this.ticketAsOf(ticketId, toUtcTime(validAt)!, minPosition);
    if (!ticket) throw new ChronicleError('NOT_FOUND', `Ticket ${ticketId} does not exist`);
    tagWithRevision(reply, ticket.revision);
    return ticket;
  }

  private async currentTicket(
    ticketId: string,
    minPosition: string | undefined,
  ): Promise<TicketRevisionView | undefined> {
    const position = await this.positionAfter(minPosition);
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
    const projections = [NAME, SLA];
    if (minPosition !== undefined) await this.runtime.waitForPosition(projections, minPosition);
    // The position is read before the documents, so the answer is at least that recent.
    const position = this.runtime.position(projections);
    const tickets = this.runtime.collection(SLA, SLA_TICKETS);
    const model = { readStore: this.readStore, tickets, position };
    const asOf = await queryTicketAsOf(model, ticketId, validAt);
    if (!asOf) return undefined;
    const lookup = this.runtime.collection(NAME, LOOKUP_TICKETS);
    const context = { position, now: this.now() };
    const current = await queryTicketWithRevision(this.readStore, lookup, ticketId, context);
    return current && { ...asOf, contactId: current.contactId, revision: current.revision };
  }

  // The position is read before the documents, so the answer is at least that recent.
  private async positionAfter(minPosition: string | undefined): Promise<string> {
    if (minPosition !== undefined) await this.runtime.waitForPosition(NAME, minPosition);
    return this.runtime.position(NAME);
  }
}
