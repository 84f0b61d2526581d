import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { isChronicleEventType } from '@chronicle/domain';
import { QueryInteger, QueryPosition, QueryText } from '../query/query-fields';

export const DEFAULT_FEED_LIMIT = 100;
export const MAX_FEED_LIMIT = 1000;
export const MAX_FEED_WAIT_SECONDS = 30;
const MAX_TYPES_LENGTH = 2000;

function unknownTypes(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value.split(',').filter((type) => !isChronicleEventType(type));
}

/** `types=T1,T2`: event types Chronicle writes, exactly as stored, comma-separated. */
function QueryEventTypes(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description,
      type: String,
      maxLength: MAX_TYPES_LENGTH,
      example: 'TicketOpened,TicketClosed',
    }),
    ValidateBy({
      name: 'isEventTypeList',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          value.length <= MAX_TYPES_LENGTH &&
          unknownTypes(value).length === 0,
        defaultMessage: (args) => {
          const unknown = unknownTypes(args?.value).slice(0, 5);
          const named = unknown.length > 0 ? ` (unknown: ${JSON.stringify(unknown)})` : '';
          return `${args?.property} must be event types separated by commas${named}`;
        },
      },
    }),
  );
}

/** `GET /feed/stream`: where to start and what to select. */
export class FeedStreamQuery {
  @QueryPosition('Exclusive start position; absent = from the first event. Last-Event-ID wins')
  after?: string;

  @QueryEventTypes('Only these event types (comma-separated, exact names)')
  types?: string;

  @QueryText('Only streams whose id starts with this, e.g. ticket-')
  streamPrefix?: string;
}

/** `GET /feed`: a page, with an optional long-poll. */
export class FeedQuery extends FeedStreamQuery {
  @QueryInteger('Most events in the page', {
    min: 1,
    max: MAX_FEED_LIMIT,
    default: DEFAULT_FEED_LIMIT,
  })
  limit?: number;

  @QueryInteger('Seconds to wait for a first event when none is there yet (long-poll)', {
    min: 0,
    max: MAX_FEED_WAIT_SECONDS,
    default: 0,
  })
  wait?: number;
}

/** The feed filter of a validated query. */
export function feedFilterOf(query: FeedStreamQuery): { types?: string[]; streamPrefix?: string } {
  return {
    ...(query.types !== undefined && { types: query.types.split(',') }),
    ...(query.streamPrefix !== undefined && { streamPrefix: query.streamPrefix }),
  };
}
