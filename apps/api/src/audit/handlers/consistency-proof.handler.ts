import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { ConsistencyProof } from '@chronicle/integrity';
import type { ConsistencyProofQuery } from '../integrity-queries';
import { IntegrityService } from '../integrity.service';

/** `GET /audit/proofs/consistency` on the QueryBus. */
export class ConsistencyProofRead extends Query<ConsistencyProof> {
  constructor(readonly query: ConsistencyProofQuery) {
    super();
  }
}

@QueryHandler(ConsistencyProofRead)
export class ConsistencyProofHandler implements IQueryHandler<ConsistencyProofRead> {
  constructor(@Inject(IntegrityService) private readonly integrity: IntegrityService) {}

  execute({ query }: ConsistencyProofRead): Promise<ConsistencyProof> {
    // Computed at once; the bus runs the handler in an async call, so a throw is its rejection.
    return Promise.resolve(this.integrity.log.consistencyProof(query.from, query.to));
  }
}
