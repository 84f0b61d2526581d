import type { RegisterContact } from '@chronicle/domain';
import { ContactDetailsDto } from '../shared/contact-details.dto';
import { AtLeastOneOf } from '../shared/cross-field-constraints';
import { LEAD_STATUSES, LIFECYCLE_STAGES } from '../shared/enums';
import { CustomFieldMapField, EnumField, IdField, TextField } from '../shared/field-decorators';
import { LABEL_MAX_LENGTH } from '../shared/limits';

// docs/api.md: "at least one of name, email or phone"; either half of the name counts.
@AtLeastOneOf(['firstName', 'lastName', 'email', 'phone'])
export class RegisterContactDto extends ContactDetailsDto implements RegisterContact {
  @IdField({ example: 'C-1' })
  contactId!: string;

  @TextField(LABEL_MAX_LENGTH, { optional: true, example: 'webinar' })
  source?: string;

  @IdField({
    optional: true,
    example: 'CMP-1',
    description: 'The campaign that brought the contact.',
  })
  campaignId?: string;

  @IdField({ optional: true, example: 'U-7' })
  ownerId?: string;

  // Defaults are documented but applied by the domain: the payload records what was sent.
  @EnumField(LIFECYCLE_STAGES, { optional: true, example: 'lead', description: 'Default: lead.' })
  lifecycleStage?: RegisterContact['lifecycleStage'];

  @EnumField(LEAD_STATUSES, { optional: true, example: 'new', description: 'Default: new.' })
  leadStatus?: RegisterContact['leadStatus'];

  @CustomFieldMapField({ optional: true, example: { loyaltyTier: 'gold', newsletter: true } })
  customFields?: Record<string, string | number | boolean>;
}
