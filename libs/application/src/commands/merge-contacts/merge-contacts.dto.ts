import type { MergeContacts } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { IsNotEqualToField } from '../shared/cross-field-constraints';
import { IdField } from '../shared/field-decorators';

export class MergeContactsDto extends CommandPayloadDto implements MergeContacts {
  @IdField({ example: 'C-1', description: 'The contact that remains.' })
  survivorContactId!: string;

  // Listed above the field so it is checked after the id's own checks.
  @IsNotEqualToField('survivorContactId')
  @IdField({ example: 'C-2', description: 'The contact merged into the survivor.' })
  duplicateContactId!: string;
}
