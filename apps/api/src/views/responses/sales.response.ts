import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ForecastMonth,
  ForecastView,
  PipelineGroup,
  PipelineStage,
  PipelineView,
} from '@chronicle/projections';

/** Open deals: how many, their amount, and the amount weighted by probability. */
export class OpenFiguresAnswer {
  @ApiProperty()
  count!: number;

  @ApiProperty()
  amount!: number;

  @ApiProperty()
  weightedAmount!: number;
}

export class PipelineStageAnswer extends OpenFiguresAnswer implements PipelineStage {
  @ApiProperty({ example: 'proposal' })
  stage!: string;
}

/** Closed deals by the totals' rules: the pipeline's whole answer and each of its groups. */
export class ClosedFiguresAnswer {
  @ApiProperty()
  won!: number;

  @ApiProperty()
  lost!: number;

  @ApiProperty({ type: Number, nullable: true })
  winRate!: number | null;

  @ApiProperty()
  revenue!: number;

  @ApiProperty({ type: Number, nullable: true })
  averageDaysToClose!: number | null;
}

/** One group of `GET /views/pipeline?groupBy=`. */
export class PipelineGroupAnswer extends ClosedFiguresAnswer implements PipelineGroup {
  @ApiProperty({ type: String, nullable: true, description: 'The owner, team, channel or product' })
  key!: string | null;

  @ApiProperty({ type: OpenFiguresAnswer })
  open!: OpenFiguresAnswer;
}

/** `GET /views/pipeline`. */
export class PipelineAnswer extends ClosedFiguresAnswer implements PipelineView {
  @ApiProperty({ type: [PipelineStageAnswer] })
  stages!: PipelineStageAnswer[];

  @ApiProperty({
    type: [String],
    description: "The distinct currencies of the cohort's deals; more than one: the sums mix them",
  })
  currencies!: string[];

  @ApiPropertyOptional({ type: [PipelineGroupAnswer], description: 'With groupBy' })
  groups?: PipelineGroupAnswer[];

  @ApiProperty({ example: '42' })
  position!: string;
}

export class WonFiguresAnswer {
  @ApiProperty()
  count!: number;

  @ApiProperty()
  revenue!: number;
}

export class ForecastMonthAnswer implements ForecastMonth {
  @ApiProperty({ example: '2025-03' })
  month!: string;

  @ApiProperty({ type: OpenFiguresAnswer, description: 'Open deals expected to close that month' })
  open!: OpenFiguresAnswer;

  @ApiProperty({ type: WonFiguresAnswer, description: 'Deals won that month' })
  won!: WonFiguresAnswer;
}

/** `GET /views/forecast`. */
export class ForecastAnswer implements ForecastView {
  @ApiProperty({ type: [ForecastMonthAnswer] })
  months!: ForecastMonthAnswer[];

  @ApiProperty({
    type: OpenFiguresAnswer,
    description: 'Open deals without an expected close date',
  })
  noCloseDate!: OpenFiguresAnswer;

  @ApiProperty({ type: [String] })
  currencies!: string[];

  @ApiProperty({ example: '42' })
  position!: string;
}
