import { Readable } from 'node:stream';
import { Controller, Get, Inject, Param, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEvent, VerificationReport } from '@chronicle/application';
import type { Customer360View } from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { ReadYourWritesQuery } from '../query/read-your-writes.query';
import { ValidQuery } from '../query/valid-query.decorator';
import { CustomerAsOfQuery, CustomerExportQuery, CustomerPageQuery } from './audit-customer-query';
import type { CustomerEventsPage } from './customer-audit.service';
import { CustomerEventsRead } from './handlers/customer-events.handler';
import { CustomerExportRead } from './handlers/customer-export.handler';
import { CustomerStateRead } from './handlers/customer-state.handler';
import { CustomerVerificationRead } from './handlers/customer-verification.handler';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer, ApiTextAnswer } from '../openapi/api-answers';
import { CustomerEventsPageAnswer } from './responses/audit-event.response';
import { Customer360Answer } from '../views/responses/customer.response';
import { VerificationAnswer } from './responses/integrity.response';

@ApiTags('audit')
@ApiErrors(400, 401, 403, 404, 429, 500, 503)
@Controller('audit/customers')
export class AuditCustomersController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Roles('auditor')
  @Get(':contactId/events')
  @ApiAnswer(CustomerEventsPageAnswer)
  @ApiOperation({
    summary: "Every event of the customer's streams, in global order (?after=<position>&limit=)",
  })
  events(
    @Param('contactId') contactId: string,
    @ValidQuery(CustomerPageQuery) query: CustomerPageQuery,
  ): Promise<CustomerEventsPage> {
    return this.queryBus.execute(new CustomerEventsRead(contactId, query));
  }

  @Roles('auditor')
  @Get(':contactId/export')
  @ApiTextAnswer('application/x-ndjson', 'One audit event (AuditEventAnswer) per line')
  @ApiOperation({ summary: 'The same events as NDJSON (application/x-ndjson), streamed' })
  async export(
    @Param('contactId') contactId: string,
    @ValidQuery(CustomerExportQuery) query: CustomerExportQuery,
  ): Promise<StreamableFile> {
    // Resolved before the first byte, so an unknown contact is still a 404 with a JSON body.
    const events = await this.queryBus.execute(new CustomerExportRead(contactId, query));
    return new StreamableFile(Readable.from(ndjson(events)), { type: 'application/x-ndjson' });
  }

  @Roles('auditor')
  @Get(':contactId/state')
  @ApiAnswer(Customer360Answer)
  @ApiOperation({
    summary:
      'The customer 360 as it stood at ?atPosition= (inclusive) or ?asOf= (store time), and of that, as it had happened by ?validAt= (business time)',
  })
  state(
    @Param('contactId') contactId: string,
    @ValidQuery(CustomerAsOfQuery) query: CustomerAsOfQuery,
  ): Promise<Customer360View> {
    return this.queryBus.execute(new CustomerStateRead(contactId, query));
  }

  @Roles('auditor')
  @Get(':contactId/verify')
  @ApiAnswer(VerificationAnswer)
  @ApiOperation({ summary: "Recomputes the hash chain of every stream of the customer's history" })
  verify(
    @Param('contactId') contactId: string,
    @ValidQuery(ReadYourWritesQuery) query: ReadYourWritesQuery,
  ): Promise<VerificationReport> {
    return this.queryBus.execute(new CustomerVerificationRead(contactId, query));
  }
}

async function* ndjson(events: AsyncIterable<AuditEvent>): AsyncGenerator<string> {
  for await (const event of events) yield `${JSON.stringify(event)}\n`;
}
