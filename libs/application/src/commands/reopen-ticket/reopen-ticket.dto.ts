import type { ReopenTicket } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { IdField, TextField } from '../shared/field-decorators';
import { TEXT_MAX_LENGTH } from '../shared/limits';

export class ReopenTicketDto extends CommandPayloadDto implements ReopenTicket {
  @IdField({ example: 'T-1' })
  ticketId!: string;

  @TextField(TEXT_MAX_LENGTH, { optional: true, example: 'Still fails for April invoices' })
  reason?: string;
}
