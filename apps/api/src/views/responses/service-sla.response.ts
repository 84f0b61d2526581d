import { ApiProperty } from '@nestjs/swagger';
import type { ServiceSlaView, SlaPriorityFigures, SlaTeamFigures } from '@chronicle/projections';

/** One SLA target (first response or resolution) over the tickets counted. */
export class SlaTargetFiguresAnswer {
  @ApiProperty()
  met!: number;

  @ApiProperty()
  breached!: number;

  @ApiProperty()
  pending!: number;

  @ApiProperty({ type: Number, nullable: true })
  medianSeconds!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  p90Seconds!: number | null;
}

export class SatisfactionAnswer {
  @ApiProperty()
  responses!: number;

  @ApiProperty({ type: Number, nullable: true })
  average!: number | null;
}

/** The SLA figures of a set of tickets. */
export class SlaFiguresAnswer {
  @ApiProperty()
  tickets!: number;

  @ApiProperty()
  open!: number;

  @ApiProperty({ type: SlaTargetFiguresAnswer })
  firstResponse!: SlaTargetFiguresAnswer;

  @ApiProperty({ type: SlaTargetFiguresAnswer })
  resolution!: SlaTargetFiguresAnswer;

  @ApiProperty({ type: SatisfactionAnswer })
  satisfaction!: SatisfactionAnswer;
}

export class SlaPriorityFiguresAnswer extends SlaFiguresAnswer implements SlaPriorityFigures {
  @ApiProperty({ example: 'high' })
  priority!: string;
}

export class SlaTeamFiguresAnswer extends SlaFiguresAnswer implements SlaTeamFigures {
  @ApiProperty({ type: String, nullable: true })
  teamId!: string | null;
}

/** `GET /views/service-sla`. */
export class ServiceSlaAnswer extends SlaFiguresAnswer implements ServiceSlaView {
  @ApiProperty({ type: [SlaPriorityFiguresAnswer] })
  byPriority!: SlaPriorityFiguresAnswer[];

  @ApiProperty({ type: [SlaTeamFiguresAnswer] })
  byTeam!: SlaTeamFiguresAnswer[];

  @ApiProperty({ example: '42' })
  position!: string;
}
