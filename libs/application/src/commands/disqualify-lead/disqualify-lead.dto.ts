import type { DisqualifyLead } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { IdField, TextField } from '../shared/field-decorators';
import { TEXT_MAX_LENGTH } from '../shared/limits';

export class DisqualifyLeadDto extends CommandPayloadDto implements DisqualifyLead {
  @IdField({ example: 'C-1' })
  contactId!: string;

  @TextField(TEXT_MAX_LENGTH, { example: 'No budget this year' })
  reason!: string;
}
