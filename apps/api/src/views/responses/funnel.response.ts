import { ApiProperty } from '@nestjs/swagger';
import { LIFECYCLE_LADDER } from '@chronicle/domain';

/** One stage of the lifecycle ladder. */
export class FunnelStageAnswer {
  @ApiProperty({ enum: [...LIFECYCLE_LADDER], enumName: 'LadderStage' })
  stage!: string;

  @ApiProperty({ description: 'Contacts of the cohort in this stage now (or at validAt)' })
  current!: number;

  @ApiProperty({ description: 'Contacts of the cohort that reached this stage or a later one' })
  reached!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'reached of the next stage / reached' })
  conversionToNext!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  medianSecondsInStage!: number | null;
}

/** `GET /views/lifecycle-funnel` (docs/views-contacts.md). */
export class LifecycleFunnelAnswer {
  @ApiProperty({ description: 'Contacts registered in [from, to) that match the filters' })
  total!: number;

  @ApiProperty({ type: [FunnelStageAnswer] })
  stages!: FunnelStageAnswer[];

  @ApiProperty({ description: 'Contacts of the cohort outside the ladder (e.g. disqualified)' })
  other!: number;

  @ApiProperty({
    description: 'The projection position the answer is at least as fresh as',
    example: '42',
  })
  position!: string;
}
