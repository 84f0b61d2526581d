import { ApiProperty } from '@nestjs/swagger';

/** Where a stored event sits: what the audit and the change feed both show of every event. */
export class EventIdentityAnswer {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'ContactRegistered' })
  type!: string;

  @ApiProperty({ example: 'contact-C-1' })
  streamId!: string;

  @ApiProperty({ description: "The event's revision in its stream, from 0", example: 0 })
  revision!: number;

  @ApiProperty({ description: 'Global position, a decimal string', example: '42' })
  position!: string;
}
