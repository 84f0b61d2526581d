import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { StreamIntegrityReport } from '@chronicle/integrity';
import { IntegrityService } from '../integrity.service';

/** `GET /audit/streams/{id}/verify` on the QueryBus: one stream's chain, leaves and proofs. */
export class StreamVerificationRead extends Query<StreamIntegrityReport> {
  constructor(readonly streamId: string) {
    super();
  }
}

@QueryHandler(StreamVerificationRead)
export class StreamVerificationHandler implements IQueryHandler<StreamVerificationRead> {
  constructor(@Inject(IntegrityService) private readonly integrity: IntegrityService) {}

  execute({ streamId }: StreamVerificationRead): Promise<StreamIntegrityReport> {
    return this.integrity.log.verifyStream(streamId);
  }
}
