import type { QualifyLead } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { LEAD_QUALIFICATIONS } from '../shared/enums';
import { EnumField, IdField, TextField } from '../shared/field-decorators';
import { TEXT_MAX_LENGTH } from '../shared/limits';

export class QualifyLeadDto extends CommandPayloadDto implements QualifyLead {
  @IdField({ example: 'C-1' })
  contactId!: string;

  @EnumField(LEAD_QUALIFICATIONS, {
    example: 'marketing',
    description: 'marketing → marketingqualifiedlead, sales → salesqualifiedlead.',
  })
  qualification!: QualifyLead['qualification'];

  @TextField(TEXT_MAX_LENGTH, { optional: true, example: 'Downloaded the pricing guide' })
  reason?: string;

  @IdField({ optional: true, example: 'CMP-1' })
  campaignId?: string;
}
