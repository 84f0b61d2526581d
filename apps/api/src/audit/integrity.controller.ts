import { Controller, Get, Inject, Param } from '@nestjs/common';
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
import { IntegrityService } from './integrity.service';
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
  constructor(@Inject(IntegrityService) private readonly integrity: IntegrityService) {}

  @Roles('auditor')
  @Get('checkpoints/latest')
  @ApiErrors(404)
  @ApiAnswer(CheckpointAnswer)
  @ApiOperation({ summary: "The latest signed checkpoint of the tree's size and root" })
  latestCheckpoint(
    @ValidQuery(LatestCheckpointQuery) { minPosition }: LatestCheckpointQuery,
  ): Promise<Checkpoint> {
    return this.integrity.log.latestCheckpoint(minPosition);
  }

  @Roles('auditor')
  @Get('proofs/inclusion')
  @ApiErrors(404)
  @ApiAnswer(InclusionProofAnswer)
  @ApiOperation({ summary: 'Proof that the event at a position is a leaf of the tree (RFC 9162)' })
  inclusion(
    @ValidQuery(InclusionProofQuery) { position, treeSize }: InclusionProofQuery,
  ): Promise<InclusionProof> {
    return this.integrity.log.inclusionProof(position, treeSize);
  }

  @Roles('auditor')
  @Get('proofs/consistency')
  @ApiErrors(404)
  @ApiAnswer(ConsistencyProofAnswer)
  @ApiOperation({ summary: 'Proof that one tree size is a prefix of a later one (RFC 9162)' })
  consistency(
    @ValidQuery(ConsistencyProofQuery) { from, to }: ConsistencyProofQuery,
  ): ConsistencyProof {
    return this.integrity.log.consistencyProof(from, to);
  }

  @Roles('auditor')
  @Get('verify')
  @ApiAnswer(IntegrityReportAnswer)
  @ApiOperation({
    summary: 'Checks the whole store: chains, positions, the tree and the latest checkpoint',
  })
  verify(): Promise<IntegrityReport> {
    return this.integrity.log.verify();
  }

  @Roles('auditor')
  @Get('streams/:streamId/verify')
  @ApiAnswer(StreamIntegrityReportAnswer)
  @ApiOperation({
    summary: "Checks one stream of any kind: its chain, the tree's leaves and proofs",
  })
  verifyStream(@Param('streamId') streamId: string): Promise<StreamIntegrityReport> {
    return this.integrity.log.verifyStream(streamId);
  }
}
