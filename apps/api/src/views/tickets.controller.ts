import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectorRuntime, queryTicket, type TicketView } from '@chronicle/projections';
import { ChronicleError, Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { slaReadModel } from './service-sla.controller';
import { type ViewClock, VIEWS_CLOCK } from './views-clock';
import { ReadYourWritesQuery } from '../query/read-your-writes.query';
import { ValidQuery } from '../query/valid-query.decorator';

@ApiTags('views')
@Controller('views')
export class TicketsController {
  constructor(
    private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(VIEWS_CLOCK) private readonly now: ViewClock,
  ) {}

  @Roles('analyst')
  @Get('tickets/:ticketId')
  @ApiOperation({ summary: 'One ticket with its SLA targets judged now (?minPosition)' })
  async ticket(
    @Param('ticketId') ticketId: string,
    @ValidQuery(ReadYourWritesQuery) { minPosition }: ReadYourWritesQuery,
  ): Promise<TicketView> {
    const model = await slaReadModel(this.runtime, this.readStore, minPosition);
    const ticket = await queryTicket(model, ticketId, this.now());
    if (!ticket) throw new ChronicleError('NOT_FOUND', `Ticket ${ticketId} does not exist`);
    return ticket;
  }
}
