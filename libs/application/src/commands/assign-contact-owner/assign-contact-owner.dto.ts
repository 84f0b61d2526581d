import type { AssignContactOwner } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { IdField } from '../shared/field-decorators';

export class AssignContactOwnerDto extends CommandPayloadDto implements AssignContactOwner {
  @IdField({ example: 'C-1' })
  contactId!: string;

  @IdField({ example: 'U-7' })
  ownerId!: string;
}
