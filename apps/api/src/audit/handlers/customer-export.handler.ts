import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { AuditEvent } from '@chronicle/application';
import type { CustomerExportQuery } from '../audit-customer-query';
import { CustomerAuditService } from '../customer-audit.service';

/**
 * `GET /audit/customers/{id}/export` on the QueryBus: the customer's events after `after`, read
 * one at a time as they are consumed. The history is resolved first, so an unknown contact is a
 * NOT_FOUND before anything is streamed.
 */
export class CustomerExportRead extends Query<AsyncIterable<AuditEvent>> {
  constructor(
    readonly contactId: string,
    readonly query: CustomerExportQuery,
  ) {
    super();
  }
}

@QueryHandler(CustomerExportRead)
export class CustomerExportHandler implements IQueryHandler<CustomerExportRead> {
  constructor(@Inject(CustomerAuditService) private readonly audit: CustomerAuditService) {}

  async execute({ contactId, query }: CustomerExportRead): Promise<AsyncIterable<AuditEvent>> {
    const history = await this.audit.history(contactId, query.minPosition);
    return this.audit.export(history, query.after);
  }
}
