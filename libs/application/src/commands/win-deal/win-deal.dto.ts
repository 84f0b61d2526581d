import type { WinDeal } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { AmountField, IdField } from '../shared/field-decorators';

export class WinDealDto extends CommandPayloadDto implements WinDeal {
  @IdField({ example: 'D-1' })
  dealId!: string;

  @AmountField({
    optional: true,
    example: 11500,
    description: "The final amount; replaces the deal's amount.",
  })
  amount?: number;
}
