import type { ChangeTicketPriority } from '@chronicle/domain';
import { CommandPayloadDto } from '../shared/command-payload.dto';
import { TICKET_PRIORITIES } from '../shared/enums';
import { EnumField, IdField } from '../shared/field-decorators';

export class ChangeTicketPriorityDto extends CommandPayloadDto implements ChangeTicketPriority {
  @IdField({ example: 'T-1' })
  ticketId!: string;

  @EnumField(TICKET_PRIORITIES, { example: 'urgent' })
  priority!: ChangeTicketPriority['priority'];
}
