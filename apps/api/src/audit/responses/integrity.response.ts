import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { VerificationReport } from '@chronicle/application';
import type {
  Checkpoint,
  ConsistencyProof,
  InclusionProof,
  IntegrityReport,
  StreamIntegrityReport,
} from '@chronicle/integrity';

/** One stream of `GET /audit/customers/{contactId}/verify`. */
export class StreamVerificationAnswer {
  @ApiProperty({ example: 'contact-C-1' })
  streamId!: string;

  @ApiProperty({ description: 'Events checked' })
  events!: number;

  @ApiProperty()
  ok!: boolean;

  @ApiPropertyOptional({ description: 'The first revision whose hash does not match' })
  firstBadRevision?: number;
}

/** `GET /audit/customers/{contactId}/verify`. */
export class VerificationAnswer implements VerificationReport {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ type: [StreamVerificationAnswer] })
  streams!: StreamVerificationAnswer[];
}

/** `GET /audit/checkpoints/latest`: a signed statement of the tree's size and root. */
export class CheckpointAnswer implements Checkpoint {
  @ApiProperty()
  treeSize!: number;

  @ApiProperty({ description: 'Hex SHA-256 root of the tree' })
  rootHash!: string;

  @ApiProperty({ example: '42' })
  position!: string;

  @ApiProperty({ format: 'date-time' })
  timestamp!: string;

  @ApiProperty()
  keyId!: string;

  @ApiProperty({ description: 'The Ed25519 public key' })
  publicKey!: string;

  @ApiProperty()
  signature!: string;
}

/** `GET /audit/proofs/inclusion` (RFC 9162). */
export class InclusionProofAnswer implements InclusionProof {
  @ApiProperty()
  leafIndex!: number;

  @ApiProperty()
  treeSize!: number;

  @ApiProperty()
  leafHash!: string;

  @ApiProperty({ type: [String] })
  path!: string[];

  @ApiProperty()
  rootHash!: string;
}

/** `GET /audit/proofs/consistency` (RFC 9162). */
export class ConsistencyProofAnswer implements ConsistencyProof {
  @ApiProperty()
  from!: number;

  @ApiProperty()
  to!: number;

  @ApiProperty({ type: [String] })
  path!: string[];

  @ApiProperty()
  fromRoot!: string;

  @ApiProperty()
  toRoot!: string;
}

export class IntegrityProblemAnswer {
  @ApiProperty({
    enum: ['edited', 'missing', 'truncated', 'gap', 'checkpoint'],
    enumName: 'IntegrityProblemKind',
  })
  kind!: 'edited' | 'missing' | 'truncated' | 'gap' | 'checkpoint';

  @ApiPropertyOptional()
  streamId?: string;

  @ApiPropertyOptional()
  revision?: number;

  @ApiPropertyOptional()
  position?: string;

  @ApiProperty()
  detail!: string;
}

export class CheckpointReferenceAnswer {
  @ApiProperty()
  treeSize!: number;

  @ApiProperty()
  rootHash!: string;

  @ApiProperty()
  position!: string;

  @ApiProperty()
  keyId!: string;
}

/** `GET /audit/verify`. */
export class IntegrityReportAnswer implements IntegrityReport {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ description: 'Events checked' })
  events!: number;

  @ApiProperty({ description: 'The head position checked up to' })
  head!: string;

  @ApiProperty({ type: [IntegrityProblemAnswer], description: 'The first problems found' })
  problems!: IntegrityProblemAnswer[];

  @ApiProperty()
  problemCount!: number;

  @ApiPropertyOptional({ type: CheckpointReferenceAnswer })
  checkpoint?: CheckpointReferenceAnswer;
}

/** `GET /audit/streams/{streamId}/verify`. */
export class StreamIntegrityReportAnswer implements StreamIntegrityReport {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty()
  streamId!: string;

  @ApiProperty()
  events!: number;

  @ApiProperty({ description: "The stream's last revision" })
  revision!: number;

  @ApiProperty({ type: [IntegrityProblemAnswer] })
  problems!: IntegrityProblemAnswer[];

  @ApiProperty()
  problemCount!: number;

  @ApiPropertyOptional({ type: CheckpointReferenceAnswer })
  checkpoint?: CheckpointReferenceAnswer;
}
