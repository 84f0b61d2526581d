import type { SetCustomField } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { CustomFieldNameField, IdField, composeField } from '../shared/field-decorators';
import { type CustomFieldValue, IsCustomFieldValue } from '../shared/value-constraints';

// Whether the value fits the field's definition (type, enum options) is the domain's rule (422).
export class SetCustomFieldDto extends CommandPayloadDto implements SetCustomField {
  @IdField({ example: 'C-1' })
  contactId!: string;

  @CustomFieldNameField({ example: 'loyaltyTier' })
  field!: string;

  @composeField(
    { example: 'gold', description: 'A string, finite number or boolean.' },
    { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    IsCustomFieldValue(),
  )
  value!: CustomFieldValue;
}
