import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Customer360View } from '@chronicle/projections';
import { type CustomerAsOfQuery, customerStateQuery } from '../audit-customer-query';
import { CustomerAuditService } from '../customer-audit.service';

/** `GET /audit/customers/{id}/state` on the QueryBus: the customer 360 replayed as of a bound. */
export class CustomerStateRead extends Query<Customer360View> {
  constructor(
    readonly contactId: string,
    readonly query: CustomerAsOfQuery,
  ) {
    super();
  }
}

@QueryHandler(CustomerStateRead)
export class CustomerStateHandler implements IQueryHandler<CustomerStateRead> {
  constructor(@Inject(CustomerAuditService) private readonly audit: CustomerAuditService) {}

  execute({ contactId, query }: CustomerStateRead): Promise<Customer360View> {
    return this.audit.stateAsOf(contactId, customerStateQuery(query));
  }
}
