import { ApiProperty } from '@nestjs/swagger';
import { TICKET_STATUSES, type TicketStatus } from '@chronicle/domain';
import type { ContactListItem, DealView, TicketRevisionView } from '@chronicle/projections';

const NEXT = {
  type: String,
  nullable: true,
  description: 'Pass as `cursor` for the next page; null on the last page',
} as const;

/** One contact of `GET /views/contacts`: personal fields in clear (`[erased]` once erased). */
export class ContactListItemAnswer implements ContactListItem {
  @ApiProperty({ example: 'C-1' })
  contactId!: string;

  @ApiProperty({ type: String, nullable: true })
  firstName!: unknown;

  @ApiProperty({ type: String, nullable: true })
  lastName!: unknown;

  @ApiProperty({ type: String, nullable: true })
  email!: unknown;

  @ApiProperty({ type: String, nullable: true })
  phone!: unknown;

  @ApiProperty({ type: String, nullable: true })
  lifecycleStage!: string | null;

  @ApiProperty({ type: String, nullable: true })
  leadStatus!: string | null;

  @ApiProperty({ type: String, nullable: true })
  ownerId!: string | null;

  @ApiProperty({ description: 'The contact stream revision, for If-Match' })
  revision!: number;
}

/** `GET /views/contacts`. */
export class ContactListAnswer {
  @ApiProperty({ type: [ContactListItemAnswer] })
  contacts!: ContactListItemAnswer[];

  @ApiProperty(NEXT)
  next!: string | null;

  @ApiProperty({ example: '42' })
  position!: string;
}

/** `GET /views/deals/{dealId}`, and each item of `GET /views/deals`. */
export class DealAnswer implements DealView {
  @ApiProperty({ example: 'D-1' })
  dealId!: string;

  @ApiProperty({ type: String, nullable: true })
  contactId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ example: 'proposal' })
  stage!: string;

  @ApiProperty({ enum: ['open', 'won', 'lost'] })
  status!: 'open' | 'won' | 'lost';

  @ApiProperty()
  amount!: number;

  @ApiProperty({ type: String, nullable: true })
  currency!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  probability!: number | null;

  @ApiProperty({ type: String, nullable: true })
  ownerId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  teamId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  channel!: string | null;

  @ApiProperty({ type: String, nullable: true })
  product!: string | null;

  @ApiProperty({ type: String, nullable: true })
  campaignId!: string | null;

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  closedAt!: string | null;

  @ApiProperty({ description: 'The deal stream revision (also the ETag, for If-Match)' })
  revision!: number;

  @ApiProperty({ example: '42' })
  position!: string;
}

/** `GET /views/deals`. */
export class DealListAnswer {
  @ApiProperty({ type: [DealAnswer] })
  deals!: DealAnswer[];

  @ApiProperty(NEXT)
  next!: string | null;

  @ApiProperty({ example: '42' })
  position!: string;
}

/** A ticket's SLA target: when it is due, when it was done, and how it stands. */
export class TicketSlaTargetAnswer {
  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  at!: string | null;

  @ApiProperty({ enum: ['met', 'breached', 'pending'], enumName: 'SlaTargetStatus' })
  status!: 'met' | 'breached' | 'pending';
}

/** `GET /views/tickets/{ticketId}`, and each item of `GET /views/tickets`. */
export class TicketAnswer implements TicketRevisionView {
  @ApiProperty({ example: 'T-1' })
  ticketId!: string;

  @ApiProperty({ type: String, nullable: true })
  contactId!: string | null;

  @ApiProperty({ enum: [...TICKET_STATUSES], enumName: 'TicketStatus' })
  status!: TicketStatus;

  @ApiProperty({ description: 'The current priority', example: 'high' })
  priority!: string;

  @ApiProperty({ type: String, nullable: true })
  assigneeId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  teamId!: string | null;

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiProperty({ type: TicketSlaTargetAnswer })
  firstResponse!: TicketSlaTargetAnswer;

  @ApiProperty({ type: TicketSlaTargetAnswer })
  resolution!: TicketSlaTargetAnswer;

  @ApiProperty({ type: Number, nullable: true })
  satisfactionScore!: number | null;

  @ApiProperty({ description: 'The ticket stream revision (also the ETag, for If-Match)' })
  revision!: number;

  @ApiProperty({ example: '42' })
  position!: string;
}

/** `GET /views/tickets`. */
export class TicketListAnswer {
  @ApiProperty({ type: [TicketAnswer] })
  tickets!: TicketAnswer[];

  @ApiProperty(NEXT)
  next!: string | null;

  @ApiProperty({ example: '42' })
  position!: string;
}
