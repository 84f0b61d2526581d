import type { LaunchCampaign } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { IsLaterThanField } from '../shared/cross-field-constraints';
import { CAMPAIGN_CHANNELS } from '../shared/enums';
import {
  AmountField,
  CurrencyField,
  DateTimeField,
  EnumField,
  IdField,
  TextField,
} from '../shared/field-decorators';
import { TEXT_MAX_LENGTH, TITLE_MAX_LENGTH } from '../shared/limits';

export class LaunchCampaignDto extends CommandPayloadDto implements LaunchCampaign {
  @IdField({ example: 'CMP-1' })
  campaignId!: string;

  @TextField(TITLE_MAX_LENGTH, { example: 'Spring webinar 2025' })
  name!: string;

  @EnumField(CAMPAIGN_CHANNELS, { example: 'email' })
  channel!: LaunchCampaign['channel'];

  @DateTimeField({ example: '2025-03-01T00:00:00Z' })
  startsAt!: string;

  // Listed above the field so it is checked after the date-time's own checks.
  @IsLaterThanField('startsAt')
  @DateTimeField({ optional: true, example: '2025-04-30T23:59:59Z' })
  endsAt?: string;

  @AmountField({ example: 5000 })
  budget!: number;

  @CurrencyField({ example: 'EUR' })
  currency!: string;

  @TextField(TEXT_MAX_LENGTH, { optional: true, example: '200 marketing-qualified leads' })
  goal?: string;
}
