import type { ResolveTicket } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { IdField, TextField } from '../shared/field-decorators';
import { LONG_TEXT_MAX_LENGTH } from '../shared/limits';

export class ResolveTicketDto extends CommandPayloadDto implements ResolveTicket {
  @IdField({ example: 'T-1' })
  ticketId!: string;

  @TextField(LONG_TEXT_MAX_LENGTH, { example: 'Raised the export timeout; export now completes.' })
  resolution!: string;
}
