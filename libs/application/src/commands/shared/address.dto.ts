import type { PostalAddress } from '@chronicle/domain';
import { AtLeastOneOf } from './cross-field-constraints';
import { TextField } from './field-decorators';
import { LABEL_MAX_LENGTH, TITLE_MAX_LENGTH } from './limits';

// Free-form parts rather than a country-specific schema: imports carry addresses from everywhere.
@AtLeastOneOf(['street', 'city', 'region', 'postalCode', 'country'])
export class AddressDto implements PostalAddress {
  @TextField(TITLE_MAX_LENGTH, { optional: true, example: 'Friedrichstraße 123' })
  street?: string;

  @TextField(LABEL_MAX_LENGTH, { optional: true, example: 'Berlin' })
  city?: string;

  @TextField(LABEL_MAX_LENGTH, { optional: true, example: 'Berlin' })
  region?: string;

  @TextField(LABEL_MAX_LENGTH, { optional: true, example: '10117' })
  postalCode?: string;

  @TextField(LABEL_MAX_LENGTH, { optional: true, example: 'DE', description: 'Name or ISO code.' })
  country?: string;
}
