import { Readable } from 'node:stream';
import { Controller, Get, Inject, Param, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEvent, VerificationReport } from '@chronicle/application';
import type { Customer360View } from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { ReadYourWritesQuery } from '../query/read-your-writes.query';
import { ValidQuery } from '../query/valid-query.decorator';
import {
  CustomerAsOfQuery,
  customerEventsQuery,
  CustomerExportQuery,
  CustomerPageQuery,
  customerStateQuery,
} from './audit-customer-query';
import { CustomerAuditService, type CustomerEventsPage } from './customer-audit.service';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer, ApiTextAnswer } from '../openapi/api-answers';
import { CustomerEventsPageAnswer } from './responses/audit-event.response';
import { Customer360Answer } from '../views/responses/customer.response';
import { VerificationAnswer } from './responses/integrity.response';

@ApiTags('audit')
@ApiErrors(400, 401, 403, 404, 429, 500, 503)
@Controller('audit/customers')
export class AuditCustomersController {
  constructor(@Inject(CustomerAuditService) private readonly audit: CustomerAuditService) {}

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
    return this.audit.page(contactId, customerEventsQuery(query));
  }

  @Roles('auditor')
  @Get(':contactId/export')
  @ApiTextAnswer('application/x-ndjson', 'One audit event (AuditEventAnswer) per line')
  @ApiOperation({ summary: 'The same events as NDJSON (application/x-ndjson), streamed' })
  async export(
    @Param('contactId') contactId: string,
    @ValidQuery(CustomerExportQuery) { after, minPosition }: CustomerExportQuery,
  ): Promise<StreamableFile> {
    // Resolved before the first byte, so an unknown contact is still a 404 with a JSON body.
    const history = await this.audit.history(contactId, minPosition);
    const lines = ndjson(this.audit.export(history, after));
    return new StreamableFile(Readable.from(lines), { type: 'application/x-ndjson' });
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
    return this.audit.stateAsOf(contactId, customerStateQuery(query));
  }

  @Roles('auditor')
  @Get(':contactId/verify')
  @ApiAnswer(VerificationAnswer)
  @ApiOperation({ summary: "Recomputes the hash chain of every stream of the customer's history" })
  verify(
    @Param('contactId') contactId: string,
    @ValidQuery(ReadYourWritesQuery) { minPosition }: ReadYourWritesQuery,
  ): Promise<VerificationReport> {
    return this.audit.verify(contactId, minPosition);
  }
}

async function* ndjson(events: AsyncIterable<AuditEvent>): AsyncGenerator<string> {
  for await (const event of events) yield `${JSON.stringify(event)}\n`;
}
