import type { CompleteCampaign } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { IdField } from '../shared/field-decorators';

export class CompleteCampaignDto extends CommandPayloadDto implements CompleteCampaign {
  @IdField({ example: 'CMP-1' })
  campaignId!: string;
}
