import type { LoseDeal } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { IdField, TextField } from '../shared/field-decorators';
import { TEXT_MAX_LENGTH } from '../shared/limits';

export class LoseDealDto extends CommandPayloadDto implements LoseDeal {
  @IdField({ example: 'D-1' })
  dealId!: string;

  @TextField(TEXT_MAX_LENGTH, { optional: true, example: 'Chose a competitor' })
  reason?: string;
}
