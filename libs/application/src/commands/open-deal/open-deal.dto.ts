import type { OpenDeal } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import {
  AmountField,
  CurrencyField,
  DateField,
  DealStageField,
  IdField,
  NumberField,
  TextField,
} from '../shared/field-decorators';
import { LABEL_MAX_LENGTH, TITLE_MAX_LENGTH } from '../shared/limits';

export class OpenDealDto extends CommandPayloadDto implements OpenDeal {
  @IdField({ example: 'D-1' })
  dealId!: string;

  @IdField({ optional: true, example: 'C-1' })
  contactId?: string;

  @IdField({ optional: true, example: 'ACC-1' })
  accountId?: string;

  @TextField(TITLE_MAX_LENGTH, { example: 'Analytical Engines – 50 seats' })
  name!: string;

  @AmountField({ example: 12000 })
  amount!: number;

  @CurrencyField({ example: 'EUR' })
  currency!: string;

  @DealStageField({ example: 'qualification', description: "The pipeline's own stage name." })
  stage!: string;

  @NumberField({ min: 0, max: 1 }, { optional: true, example: 0.2 })
  probability?: number;

  @DateField({ optional: true, example: '2025-06-30' })
  expectedCloseDate?: string;

  @TextField(LABEL_MAX_LENGTH, { example: 'online', description: 'online, offline, partner, …' })
  channel!: string;

  @IdField({ example: 'U-7' })
  ownerId!: string;

  @IdField({ optional: true, example: 'TEAM-EMEA' })
  teamId?: string;

  @TextField(TITLE_MAX_LENGTH, { optional: true, example: 'Chronicle Enterprise' })
  product?: string;

  @IdField({ optional: true, example: 'CMP-1' })
  campaignId?: string;
}
