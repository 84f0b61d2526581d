import type { AssignTicket } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { IdField } from '../shared/field-decorators';

export class AssignTicketDto extends CommandPayloadDto implements AssignTicket {
  @IdField({ example: 'T-1' })
  ticketId!: string;

  @IdField({ example: 'A-1' })
  agentId!: string;

  @IdField({ optional: true, example: 'TEAM-EMEA' })
  teamId?: string;
}
