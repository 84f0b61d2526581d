import { ApiProperty } from '@nestjs/swagger';

const PERSONAL =
  'Personal data in clear (decrypted for this answer); `[erased]` once the subject is erased, null when never given';
const PERSONAL_TEXT = { type: String, nullable: true, description: PERSONAL } as const;
const ERASED = { type: 'string', enum: ['[erased]'] };

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

/** The customer 360 (docs/views-contacts.md), also the audit's state as of a moment. */
export class Customer360Answer {
  @ApiProperty({ example: 'C-1' })
  contactId!: string;

  @ApiProperty(PERSONAL_TEXT)
  firstName!: string | null;

  @ApiProperty(PERSONAL_TEXT)
  lastName!: string | null;

  @ApiProperty(PERSONAL_TEXT)
  email!: string | null;

  @ApiProperty(PERSONAL_TEXT)
  phone!: string | null;

  @ApiProperty(PERSONAL_TEXT)
  birthDate!: string | null;

  @ApiProperty({
    description: PERSONAL,
    anyOf: [
      {
        type: 'object',
        nullable: true,
        additionalProperties: true,
        description: 'street, city, postalCode, country as registered',
      },
      ERASED,
    ],
  })
  address!: Record<string, unknown> | string | null;

  @ApiProperty({
    description: PERSONAL,
    anyOf: [
      {
        type: 'array',
        nullable: true,
        items: { type: 'object', additionalProperties: true, description: '{ network, handle }' },
      },
      ERASED,
    ],
  })
  socialProfiles!: Array<Record<string, unknown>> | string | null;

  @ApiProperty(PERSONAL_TEXT)
  company!: string | null;

  @ApiProperty(PERSONAL_TEXT)
  jobTitle!: string | null;

  @ApiProperty(PERSONAL_TEXT)
  education!: string | null;

  @ApiProperty(PERSONAL_TEXT)
  incomeBand!: string | null;

  @ApiProperty(PERSONAL_TEXT)
  familyStatus!: string | null;

  @ApiProperty(PERSONAL_TEXT)
  lifestyle!: string | null;

  @ApiProperty(PERSONAL_TEXT)
  preferences!: string | null;

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
