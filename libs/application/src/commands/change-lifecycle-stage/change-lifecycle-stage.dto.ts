import type { ChangeLifecycleStage } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { LIFECYCLE_STAGES } from '../shared/enums';
import { BooleanField, EnumField, IdField, TextField } from '../shared/field-decorators';
import { TEXT_MAX_LENGTH } from '../shared/limits';

export class ChangeLifecycleStageDto extends CommandPayloadDto implements ChangeLifecycleStage {
  @IdField({ example: 'C-1' })
  contactId!: string;

  @EnumField(LIFECYCLE_STAGES, { example: 'opportunity' })
  stage!: ChangeLifecycleStage['stage'];

  @TextField(TEXT_MAX_LENGTH, { optional: true, example: 'Asked for a proposal' })
  reason?: string;

  // Whether the caller may move backward (role admin) is the API's check, not the DTO's.
  @BooleanField({
    optional: true,
    example: false,
    description: 'Allows a move to an earlier ladder stage (role admin).',
  })
  allowBackward?: boolean;
}
