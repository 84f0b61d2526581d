import type { EraseContactPersonalData } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { IdField, TextField } from '../shared/field-decorators';
import { TEXT_MAX_LENGTH } from '../shared/limits';

export class EraseContactPersonalDataDto
  extends CommandPayloadDto
  implements EraseContactPersonalData
{
  @IdField({ example: 'C-1' })
  contactId!: string;

  @TextField(TEXT_MAX_LENGTH, { example: 'GDPR art. 17 request of 2025-03-01' })
  reason!: string;
}
