import type { ContactDetails } from '@chronicle/domain';
import { AddressDto } from './address.dto';
import { CommandPayloadDto } from './command-payload.dto';
import { DateField, EmailField, PhoneField, TextField } from './field-decorators';
import {
  LABEL_MAX_LENGTH,
  MAX_SOCIAL_PROFILES,
  PERSON_NAME_MAX_LENGTH,
  TEXT_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from './limits';
import { NestedArrayField, NestedField } from './nested-field-decorators';
import { SocialProfileDto } from './social-profile.dto';

/** The identity and descriptive fields RegisterContact sets and UpdateContactDetails changes. */
export abstract class ContactDetailsDto extends CommandPayloadDto implements ContactDetails {
  @TextField(PERSON_NAME_MAX_LENGTH, { optional: true, example: 'Ada' })
  firstName?: string;

  @TextField(PERSON_NAME_MAX_LENGTH, { optional: true, example: 'Lovelace' })
  lastName?: string;

  @EmailField({ optional: true, example: 'ada@example.com' })
  email?: string;

  @PhoneField({ optional: true, example: '+44 20 7946 0958' })
  phone?: string;

  @DateField({ optional: true, example: '1985-12-10' })
  birthDate?: string;

  @NestedField(() => AddressDto, {
    optional: true,
    example: { street: '12 St James Sq', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
  })
  address?: AddressDto;

  @NestedArrayField(
    () => SocialProfileDto,
    { minItems: 0, maxItems: MAX_SOCIAL_PROFILES },
    { optional: true, example: [{ network: 'linkedin', handle: 'ada-lovelace' }] },
  )
  socialProfiles?: SocialProfileDto[];

  @TextField(TITLE_MAX_LENGTH, { optional: true, example: 'Analytical Engines Ltd' })
  company?: string;

  @TextField(TITLE_MAX_LENGTH, { optional: true, example: 'Head of Research' })
  jobTitle?: string;

  @TextField(TITLE_MAX_LENGTH, { optional: true, example: 'MSc Mathematics' })
  education?: string;

  @TextField(LABEL_MAX_LENGTH, { optional: true, example: '100k-150k' })
  incomeBand?: string;

  @TextField(LABEL_MAX_LENGTH, { optional: true, example: 'married' })
  familyStatus?: string;

  @TextField(TEXT_MAX_LENGTH, { optional: true, example: 'Outdoor sports, travels often' })
  lifestyle?: string;

  @TextField(TEXT_MAX_LENGTH, { optional: true, example: 'Prefers email in the morning' })
  preferences?: string;
}
