import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Checkpoint } from '@chronicle/integrity';
import type { LatestCheckpointQuery } from '../integrity-queries';
import { IntegrityService } from '../integrity.service';

/** `GET /audit/checkpoints/latest` on the QueryBus; NOT_FOUND while there is none. */
export class LatestCheckpointRead extends Query<Checkpoint> {
  constructor(readonly query: LatestCheckpointQuery) {
    super();
  }
}

@QueryHandler(LatestCheckpointRead)
export class LatestCheckpointHandler implements IQueryHandler<LatestCheckpointRead> {
  constructor(@Inject(IntegrityService) private readonly integrity: IntegrityService) {}

  execute({ query }: LatestCheckpointRead): Promise<Checkpoint> {
    return this.integrity.log.latestCheckpoint(query.minPosition);
  }
}
