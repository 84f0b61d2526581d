import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { VerificationReport } from '@chronicle/application';
import type { ReadYourWritesQuery } from '../../query/read-your-writes.query';
import { CustomerAuditService } from '../customer-audit.service';

/** `GET /audit/customers/{id}/verify` on the QueryBus: the hash chains of the customer's streams. */
export class CustomerVerificationRead extends Query<VerificationReport> {
  constructor(
    readonly contactId: string,
    readonly query: ReadYourWritesQuery,
  ) {
    super();
  }
}

@QueryHandler(CustomerVerificationRead)
export class CustomerVerificationHandler implements IQueryHandler<CustomerVerificationRead> {
  constructor(@Inject(CustomerAuditService) private readonly audit: CustomerAuditService) {}

  execute({ contactId, query }: CustomerVerificationRead): Promise<VerificationReport> {
    return this.audit.verify(contactId, query.minPosition);
  }
}
