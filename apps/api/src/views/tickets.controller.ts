import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TicketRevisionView } from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { BusinessMomentQuery } from '../query/business-moment.query';
import { ValidQuery } from '../query/valid-query.decorator';
import { tagWithRevision } from './entity-revision';
import { TicketRead } from './handlers/ticket.handler';
import { type TicketList, TicketListRead } from './handlers/ticket-list.handler';
import { TicketsQuery } from './lookup-queries';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { TicketAnswer, TicketListAnswer } from './responses/lookups.response';

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class TicketsController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Roles('analyst', 'service')
  @Get('tickets')
  @ApiAnswer(TicketListAnswer)
  @ApiOperation({
    summary:
      'Tickets by contact, status, agent or team, SLA judged now, with revision; cursor paging',
  })
  tickets(@ValidQuery(TicketsQuery) query: TicketsQuery): Promise<TicketList> {
    return this.queryBus.execute(new TicketListRead(query));
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
    @ValidQuery(BusinessMomentQuery) query: BusinessMomentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketRevisionView> {
    const ticket = await this.queryBus.execute(new TicketRead(ticketId, query));
    tagWithRevision(reply, ticket.revision);
    return ticket;
  }
}
