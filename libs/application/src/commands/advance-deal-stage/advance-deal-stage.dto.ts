import type { AdvanceDealStage } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { DealStageField, IdField, NumberField } from '../shared/field-decorators';

export class AdvanceDealStageDto extends CommandPayloadDto implements AdvanceDealStage {
  @IdField({ example: 'D-1' })
  dealId!: string;

  @DealStageField({ example: 'negotiation' })
  stage!: string;

  @NumberField({ min: 0, max: 1 }, { optional: true, example: 0.6 })
  probability?: number;
}
