import type { LogInteraction } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { INTERACTION_DIRECTIONS, INTERACTION_KINDS, SENTIMENTS } from '../shared/enums';
import { EnumField, IdField, NumberField, TextField } from '../shared/field-decorators';
import { LONG_TEXT_MAX_LENGTH, MAX_INTERACTION_SECONDS, TITLE_MAX_LENGTH } from '../shared/limits';

export class LogInteractionDto extends CommandPayloadDto implements LogInteraction {
  @IdField({ example: 'I-1' })
  interactionId!: string;

  @IdField({ example: 'C-1' })
  contactId!: string;

  @EnumField(INTERACTION_KINDS, { example: 'call' })
  kind!: LogInteraction['kind'];

  @EnumField(INTERACTION_DIRECTIONS, { optional: true, example: 'outbound' })
  direction?: LogInteraction['direction'];

  @TextField(TITLE_MAX_LENGTH, { optional: true, example: 'Discovery call' })
  subject?: string;

  @TextField(LONG_TEXT_MAX_LENGTH, {
    optional: true,
    example: 'Interested in 50 seats; send a proposal.',
  })
  notes?: string;

  @EnumField(SENTIMENTS, { optional: true, example: 'positive' })
  sentiment?: LogInteraction['sentiment'];

  @NumberField(
    { integer: true, min: 0, max: MAX_INTERACTION_SECONDS },
    { optional: true, example: 900 },
  )
  durationSeconds?: number;

  @IdField({ optional: true, example: 'CMP-1' })
  campaignId?: string;

  @IdField({ optional: true, example: 'T-1' })
  ticketId?: string;

  @IdField({ optional: true, example: 'D-1' })
  dealId?: string;

  @IdField({ optional: true, example: 'A-1' })
  agentId?: string;
}
