import type { CloseTicket } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { IdField, NumberField, TextField } from '../shared/field-decorators';
import { TEXT_MAX_LENGTH } from '../shared/limits';

export class CloseTicketDto extends CommandPayloadDto implements CloseTicket {
  @IdField({ example: 'T-1' })
  ticketId!: string;

  @NumberField({ integer: true, min: 1, max: 5 }, { optional: true, example: 5 })
  satisfactionScore?: number;

  @TextField(TEXT_MAX_LENGTH, { optional: true, example: 'Quick and friendly help' })
  comment?: string;
}
