import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  Checkpoint,
  ConsistencyProof,
  InclusionProof,
  IntegrityReport,
  StreamIntegrityReport,
} from '@chronicle/integrity';
import { Roles } from '@chronicle/platform';
import { ValidQuery } from '../query/valid-query.decorator';
import {
  ConsistencyProofQuery,
  InclusionProofQuery,
  LatestCheckpointQuery,
} from './integrity-queries';
import { ConsistencyProofRead } from './handlers/consistency-proof.handler';
import { InclusionProofRead } from './handlers/inclusion-proof.handler';
import { LatestCheckpointRead } from './handlers/latest-checkpoint.handler';
import { LogVerificationRead } from './handlers/log-verification.handler';
import { StreamVerificationRead } from './handlers/stream-verification.handler';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import {
  CheckpointAnswer,
  ConsistencyProofAnswer,
  InclusionProofAnswer,
  IntegrityReportAnswer,
  StreamIntegrityReportAnswer,
} from './responses/integrity.response';

/** The Merkle tree over the log: checkpoints, proofs and verification (docs/audit.md). */
@ApiTags('audit')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('audit')
export class IntegrityController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Roles('auditor')
  @Get('checkpoints/latest')
  @ApiErrors(404)
  @ApiAnswer(CheckpointAnswer)
  @ApiOperation({ summary: "The latest signed checkpoint of the tree's size and root" })
  latestCheckpoint(
    @ValidQuery(LatestCheckpointQuery) query: LatestCheckpointQuery,
  ): Promise<Checkpoint> {
    return this.queryBus.execute(new LatestCheckpointRead(query));
  }

  @Roles('auditor')
  @Get('proofs/inclusion')
  @ApiErrors(404)
  @ApiAnswer(InclusionProofAnswer)
  @ApiOperation({ summary: 'Proof that the event at a position is a leaf of the tree (RFC 9162)' })
  inclusion(@ValidQuery(InclusionProofQuery) query: InclusionProofQuery): Promise<InclusionProof> {
    return this.queryBus.execute(new InclusionProofRead(query));
  }

  @Roles('auditor')
  @Get('proofs/consistency')
  @ApiErrors(404)
  @ApiAnswer(ConsistencyProofAnswer)
  @ApiOperation({ summary: 'Proof that one tree size is a prefix of a later one (RFC 9162)' })
  consistency(
    @ValidQuery(ConsistencyProofQuery) query: ConsistencyProofQuery,
  ): Promise<ConsistencyProof> {
    return this.queryBus.execute(new ConsistencyProofRead(query));
  }

  @Roles('auditor')
  @Get('verify')
  @ApiAnswer(IntegrityReportAnswer)
  @ApiOperation({
    summary: 'Checks the whole store: chains, positions, the tree and the latest checkpoint',
  })
  verify(): Promise<IntegrityReport> {
    return this.queryBus.execute(new LogVerificationRead());
  }

  @Roles('auditor')
  @Get('streams/:streamId/verify')
  @ApiAnswer(StreamIntegrityReportAnswer)
  @ApiOperation({
    summary: "Checks one stream of any kind: its chain, the tree's leaves and proofs",
  })
  verifyStream(@Param('streamId') streamId: string): Promise<StreamIntegrityReport> {
    return this.queryBus.execute(new StreamVerificationRead(streamId));
  }
}
