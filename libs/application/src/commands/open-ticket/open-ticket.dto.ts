import type { OpenTicket } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { TICKET_CHANNELS, TICKET_PRIORITIES } from '../shared/enums';
import { EnumField, IdField, TextField } from '../shared/field-decorators';
import { LABEL_MAX_LENGTH, LONG_TEXT_MAX_LENGTH, TITLE_MAX_LENGTH } from '../shared/limits';

export class OpenTicketDto extends CommandPayloadDto implements OpenTicket {
  @IdField({ example: 'T-1' })
  ticketId!: string;

  @IdField({ example: 'C-1' })
  contactId!: string;

  @TextField(TITLE_MAX_LENGTH, { example: 'Invoice export times out' })
  subject!: string;

  @TextField(LONG_TEXT_MAX_LENGTH, {
    optional: true,
    example: 'Exporting March invoices fails after 30 seconds.',
  })
  description?: string;

  @EnumField(TICKET_PRIORITIES, { example: 'high' })
  priority!: OpenTicket['priority'];

  @EnumField(TICKET_CHANNELS, { example: 'email' })
  channel!: OpenTicket['channel'];

  @TextField(LABEL_MAX_LENGTH, { optional: true, example: 'billing' })
  category?: string;

  @IdField({ optional: true, example: 'TEAM-EMEA' })
  teamId?: string;
}
