import type { RecordCampaignTouch } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { CAMPAIGN_TOUCH_KINDS } from '../shared/enums';
import { EnumField, IdField } from '../shared/field-decorators';

export class RecordCampaignTouchDto extends CommandPayloadDto implements RecordCampaignTouch {
  @IdField({ example: 'CMP-1' })
  campaignId!: string;

  @IdField({ example: 'C-1' })
  contactId!: string;

  @EnumField(CAMPAIGN_TOUCH_KINDS, { example: 'opened' })
  kind!: RecordCampaignTouch['kind'];
}
