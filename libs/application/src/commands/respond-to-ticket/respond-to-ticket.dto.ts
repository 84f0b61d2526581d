import type { RespondToTicket } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { IdField, TextField } from '../shared/field-decorators';
import { LONG_TEXT_MAX_LENGTH } from '../shared/limits';

export class RespondToTicketDto extends CommandPayloadDto implements RespondToTicket {
  @IdField({ example: 'T-1' })
  ticketId!: string;

  @IdField({ example: 'A-1' })
  agentId!: string;

  @TextField(LONG_TEXT_MAX_LENGTH, {
    optional: true,
    example: 'We are looking into it and will update you within the hour.',
  })
  message?: string;
}
