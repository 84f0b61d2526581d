import type { RecordFeedback } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { FEEDBACK_KINDS } from '../shared/enums';
import { EnumField, IdField, TextField } from '../shared/field-decorators';
import { LONG_TEXT_MAX_LENGTH } from '../shared/limits';

export class RecordFeedbackDto extends CommandPayloadDto implements RecordFeedback {
  @IdField({ example: 'FB-1' })
  feedbackId!: string;

  @IdField({ example: 'C-1' })
  contactId!: string;

  @EnumField(FEEDBACK_KINDS, { example: 'complaint' })
  kind!: RecordFeedback['kind'];

  @TextField(LONG_TEXT_MAX_LENGTH, { example: 'The invoice export times out.' })
  description!: string;

  @IdField({ optional: true, example: 'T-1' })
  ticketId?: string;
}
