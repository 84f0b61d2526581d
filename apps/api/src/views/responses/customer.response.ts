import { ApiProperty } from '@nestjs/swagger';

export class PurchasesAnswer {
  @ApiProperty()
  orders!: number;

  @ApiProperty()
  total!: number;

  @ApiProperty({ type: Number, nullable: true })
  averageOrderValue!: number | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  lastPurchaseAt!: string | null;
}

export class InteractionsAnswer {
  @ApiProperty()
  total!: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  byKind!: Record<string, number>;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  lastAt!: string | null;
}

export class DealCountsAnswer {
  @ApiProperty()
  open!: number;

  @ApiProperty()
  won!: number;

  @ApiProperty()
  lost!: number;
}

/**
 * The customer 360 (docs/views-contacts.md), also the audit's state as of a moment: personal fields (firstName, lastName, email, phone,
 * company…) in clear beside the fields listed, which are always present.
 */
export class Customer360Answer {
  @ApiProperty({ example: 'C-1' })
  contactId!: string;

  @ApiProperty({ type: String, nullable: true })
  source!: string | null;

  @ApiProperty({ type: String, nullable: true })
  campaignId!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  registeredAt!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'lead' })
  lifecycleStage!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', format: 'date-time' } })
  stageEnteredAt!: Record<string, string>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Time spent in each stage',
  })
  stages!: Record<string, unknown>;

  @ApiProperty({ type: String, nullable: true })
  leadStatus!: string | null;

  @ApiProperty({ type: String, nullable: true })
  ownerId!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  customFields!: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'boolean' } })
  consents!: Record<string, boolean>;

  @ApiProperty({ type: PurchasesAnswer })
  purchases!: PurchasesAnswer;

  @ApiProperty({ type: InteractionsAnswer })
  interactions!: InteractionsAnswer;

  @ApiProperty()
  openTickets!: number;

  @ApiProperty({ type: DealCountsAnswer })
  deals!: DealCountsAnswer;

  @ApiProperty({ description: 'The recency/value segment' })
  segment!: string;

  @ApiProperty({ type: [String] })
  mergedFrom!: string[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The survivor when this contact was merged away',
  })
  mergedInto!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  erasedAt!: string | null;

  @ApiProperty({ example: '42' })
  position!: string;
}

/** `GET /views/customers/{contactId}`: the customer 360 with the contact stream's revision. */
export class CustomerAnswer extends Customer360Answer {
  @ApiProperty({ description: 'The contact stream revision (also the ETag, for If-Match)' })
  revision!: number;
}
