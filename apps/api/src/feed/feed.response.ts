import { ApiProperty } from '@nestjs/swagger';
import type { FeedEvent } from '@chronicle/change-feed';
import type { FeedAnswer } from './feed.service';
import { EventIdentityAnswer } from '../openapi/event-identity.response';

/** An event as the change feed hands it out (docs/feed.md): data in clear. */
export class FeedEventAnswer extends EventIdentityAnswer implements FeedEvent {
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Business time' })
  occurredAt!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When Chronicle accepted the command',
  })
  recordedAt!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "Personal fields in clear; an erased subject's read `[erased]`",
  })
  data!: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true })
  metadata!: FeedEvent['metadata'];
}

/** `GET /feed`. */
export class FeedPageAnswer implements FeedAnswer {
  @ApiProperty({ type: [FeedEventAnswer] })
  events!: FeedEventAnswer[];

  @ApiProperty({ description: 'Pass as `after` for the next page', example: '42' })
  next!: string;

  @ApiProperty({ description: "The store's head position when the page was read", example: '42' })
  head!: string;
}
