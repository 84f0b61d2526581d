import { Controller, Get, Inject, Optional, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectorRuntime, queryTicket, type TicketView } from '@chronicle/projections';
import { ChronicleError, Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { SLA_VIEWS_CLOCK, slaReadModel, type ViewClock } from './service-sla.controller';
import { parsePositionParameter } from './view-query';

@ApiTags('views')
@Controller('views')
export class TicketsController {
  private readonly now: ViewClock;

  constructor(
    private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Optional() @Inject(SLA_VIEWS_CLOCK) clock?: ViewClock,
  ) {
    this.now = clock ?? (() => new Date());
  }

  @Roles('analyst')
  @Get('tickets/:ticketId')
  @ApiOperation({ summary: 'One ticket with its SLA targets judged now (?minPosition)' })
  async ticket(
    @Param('ticketId') ticketId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<TicketView> {
    const minPosition = parsePositionParameter(query.minPosition);
    const model = await slaReadModel(this.runtime, this.readStore, minPosition);
    const ticket = await queryTicket(model, ticketId, this.now());
    if (!ticket) throw new ChronicleError('NOT_FOUND', `Ticket ${ticketId} does not exist`);
    return ticket;
  }
}
