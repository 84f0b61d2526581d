import { CONTACT_DETAIL_FIELDS, type UpdateContactDetails } from '@chronicle/domain';
import { ContactDetailsDto } from '../shared/contact-details.dto';
import { AtLeastOneOf } from '../shared/cross-field-constraints';
import { IdField } from '../shared/field-decorators';

// Fields sent are replaced, fields left out are kept; a payload changing nothing is a mistake.
@AtLeastOneOf(CONTACT_DETAIL_FIELDS, 'at least one contact detail to change is required')
export class UpdateContactDetailsDto extends ContactDetailsDto implements UpdateContactDetails {
  @IdField({ example: 'C-1' })
  contactId!: string;
}
