import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { InclusionProof } from '@chronicle/integrity';
import type { InclusionProofQuery } from '../integrity-queries';
import { IntegrityService } from '../integrity.service';

/** `GET /audit/proofs/inclusion` on the QueryBus. */
export class InclusionProofRead extends Query<InclusionProof> {
  constructor(readonly query: InclusionProofQuery) {
    super();
  }
}

@QueryHandler(InclusionProofRead)
export class InclusionProofHandler implements IQueryHandler<InclusionProofRead> {
  constructor(@Inject(IntegrityService) private readonly integrity: IntegrityService) {}

  execute({ query }: InclusionProofRead): Promise<InclusionProof> {
    return this.integrity.log.inclusionProof(query.position, query.treeSize);
  }
}
