import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { IntegrityReport } from '@chronicle/integrity';
import { IntegrityService } from '../integrity.service';

/** `GET /audit/verify` on the QueryBus: the whole store checked against the tree. */
export class LogVerificationRead extends Query<IntegrityReport> {}

@QueryHandler(LogVerificationRead)
export class LogVerificationHandler implements IQueryHandler<LogVerificationRead> {
  constructor(@Inject(IntegrityService) private readonly integrity: IntegrityService) {}

  execute(): Promise<IntegrityReport> {
    return this.integrity.log.verify();
  }
}
