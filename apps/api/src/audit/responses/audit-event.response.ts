import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EventIdentityAnswer } from '../../openapi/event-identity.response';

/** A stored event as the audit shows it: personal fields in clear, full metadata. */
export class AuditEventAnswer extends EventIdentityAnswer {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The event's payload; an erased subject's personal fields read `[erased]`",
  })
  data!: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'occurredAt, recordedAt, correlationId, commandId, actor, schemaVersion…',
  })
  metadata!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time', description: 'When the store accepted the event' })
  storedAt!: string;

  @ApiProperty({ description: 'Hash chained to the previous event of the stream' })
  hash!: string;

  @ApiPropertyOptional({
    description: 'Set when the data shown was upcast from this stored version',
  })
  upcastFrom?: number;
}

/** `GET /audit/customers/{contactId}/events`. */
export class CustomerEventsPageAnswer {
  @ApiProperty({ type: [AuditEventAnswer] })
  events!: AuditEventAnswer[];

  @ApiPropertyOptional({
    description: 'Pass as `after` for the next page; absent on the last page',
    example: '42',
  })
  next?: string;
}

/** `GET /audit/streams/{streamId}`. */
export class StreamEventsAnswer {
  @ApiProperty({ type: [AuditEventAnswer] })
  events!: AuditEventAnswer[];
}
