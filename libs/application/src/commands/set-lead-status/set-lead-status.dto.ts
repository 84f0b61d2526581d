import type { SetLeadStatus } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { LEAD_STATUSES } from '../shared/enums';
import { EnumField, IdField } from '../shared/field-decorators';

export class SetLeadStatusDto extends CommandPayloadDto implements SetLeadStatus {
  @IdField({ example: 'C-1' })
  contactId!: string;

  @EnumField(LEAD_STATUSES, { example: 'in_progress' })
  status!: SetLeadStatus['status'];
}
