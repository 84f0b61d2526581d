import type { SocialProfile } from '@chronicle/domain';
import { AtLeastOneOf } from './cross-field-constraints';
import { TextField, UrlField } from './field-decorators';
import { LABEL_MAX_LENGTH, TITLE_MAX_LENGTH } from './limits';

@AtLeastOneOf(['handle', 'url'])
export class SocialProfileDto implements SocialProfile {
  @TextField(LABEL_MAX_LENGTH, {
    example: 'linkedin',
    description: 'The network, e.g. linkedin, x.',
  })
  network!: string;

  @TextField(TITLE_MAX_LENGTH, { optional: true, example: 'ada-lovelace' })
  handle?: string;

  @UrlField({ optional: true, example: 'https://www.linkedin.com/in/ada-lovelace' })
  url?: string;
}
