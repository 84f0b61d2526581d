import { ApiProperty } from '@nestjs/swagger';
import {
  ATTRIBUTION_MODELS,
  type AttributionModel,
  type CampaignChannel,
  type CampaignChannelsView,
  type CampaignListView,
  type CampaignView,
} from '@chronicle/projections';

/** One campaign's figures under the attribution model asked for. */
export class CampaignFiguresAnswer implements Omit<CampaignView, 'position'> {
  @ApiProperty({ example: 'CMP-1' })
  campaignId!: string;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'email' })
  channel!: string | null;

  @ApiProperty({ enum: ['active', 'completed'] })
  status!: 'active' | 'completed';

  @ApiProperty()
  budget!: number;

  @ApiProperty({ type: String, nullable: true, example: 'EUR' })
  currency!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  startsAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  endsAt!: string | null;

  @ApiProperty({ enum: [...ATTRIBUTION_MODELS], enumName: 'AttributionModel' })
  model!: AttributionModel;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Touches by kind',
  })
  touches!: Record<string, number>;

  @ApiProperty()
  reached!: number;

  @ApiProperty()
  leads!: number;

  @ApiProperty()
  mqls!: number;

  @ApiProperty()
  sqls!: number;

  @ApiProperty()
  opportunities!: number;

  @ApiProperty()
  customers!: number;

  @ApiProperty()
  dealsWon!: number;

  @ApiProperty()
  revenue!: number;

  @ApiProperty({ type: Number, nullable: true })
  conversionRate!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  costPerAcquisition!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  roi!: number | null;
}

/** `GET /views/campaigns/{campaignId}`. */
export class CampaignAnswer extends CampaignFiguresAnswer implements CampaignView {
  @ApiProperty({ example: '42' })
  position!: string;
}

/** `GET /views/campaigns`. */
export class CampaignListAnswer implements CampaignListView {
  @ApiProperty({ type: [CampaignFiguresAnswer] })
  campaigns!: CampaignFiguresAnswer[];

  @ApiProperty({ example: '42' })
  position!: string;
}

/** One channel of `GET /views/campaigns?groupBy=channel`. */
export class CampaignChannelAnswer implements CampaignChannel {
  @ApiProperty({ example: 'email' })
  channel!: string;

  @ApiProperty()
  campaigns!: number;

  @ApiProperty()
  budget!: number;

  @ApiProperty()
  reached!: number;

  @ApiProperty()
  customers!: number;

  @ApiProperty()
  revenue!: number;

  @ApiProperty({ type: Number, nullable: true })
  conversionRate!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  roi!: number | null;
}

/** `GET /views/campaigns?groupBy=channel`. */
export class CampaignChannelsAnswer implements CampaignChannelsView {
  @ApiProperty({ type: [CampaignChannelAnswer] })
  channels!: CampaignChannelAnswer[];

  @ApiProperty({ example: '42' })
  position!: string;
}
