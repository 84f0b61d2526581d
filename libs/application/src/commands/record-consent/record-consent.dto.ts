import type { RecordConsent } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { CONSENT_CHANNELS } from '../shared/enums';
import { BooleanField, EnumField, IdField, TextField } from '../shared/field-decorators';
import { LABEL_MAX_LENGTH } from '../shared/limits';

export class RecordConsentDto extends CommandPayloadDto implements RecordConsent {
  @IdField({ example: 'C-1' })
  contactId!: string;

  @EnumField(CONSENT_CHANNELS, { example: 'email' })
  channel!: RecordConsent['channel'];

  @BooleanField({ example: true, description: 'true grants consent, false withdraws it.' })
  granted!: boolean;

  @TextField(LABEL_MAX_LENGTH, { optional: true, example: 'signup-form' })
  source?: string;
}
