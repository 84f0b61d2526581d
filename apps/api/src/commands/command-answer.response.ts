import { ApiProperty } from '@nestjs/swagger';

/** One event a command appended. */
export class AppendedEvent {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'ContactRegistered' })
  type!: string;
}

/** The 201 answer of every command (docs/api.md, "Success: 201"). */
export class CommandAnswer {
  @ApiProperty({ description: 'The Idempotency-Key sent, or one chosen by the server' })
  commandId!: string;

  @ApiProperty({ description: 'The target stream', example: 'contact-C-1' })
  streamId!: string;

  @ApiProperty({ description: "The target stream's revision after the command", example: 0 })
  revision!: number;

  @ApiProperty({
    description:
      'Global position after the command, a decimal string; pass it as `minPosition` to read your write',
    example: '42',
  })
  position!: string;

  @ApiProperty({
    type: [AppendedEvent],
    description: 'The events appended (empty when a create repeats the stored body)',
  })
  events!: AppendedEvent[];
}
