import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { customerEventsQuery, type CustomerPageQuery } from '../audit-customer-query';
import { CustomerAuditService, type CustomerEventsPage } from '../customer-audit.service';

/** `GET /audit/customers/{id}/events` on the QueryBus: a page of the customer's history. */
export class CustomerEventsRead extends Query<CustomerEventsPage> {
  constructor(
    readonly contactId: string,
    readonly query: CustomerPageQuery,
  ) {
    super();
  }
}

@QueryHandler(CustomerEventsRead)
export class CustomerEventsHandler implements IQueryHandler<CustomerEventsRead> {
  constructor(@Inject(CustomerAuditService) private readonly audit: CustomerAuditService) {}

  execute({ contactId, query }: CustomerEventsRead): Promise<CustomerEventsPage> {
    return this.audit.page(contactId, customerEventsQuery(query));
  }
}
