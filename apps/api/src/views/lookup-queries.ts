import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { LEAD_STATUSES, LIFECYCLE_STAGES, TICKET_STATUSES } from '@chronicle/domain';
import { QueryChoice, QueryInteger, QueryText } from '../query/query-fields';
import { ReadYourWritesQuery } from '../query/read-your-writes.query';

export const DEFAULT_LOOKUP_LIMIT = 50;
export const MAX_LOOKUP_LIMIT = 500;
const MAX_CURSOR_LENGTH = 1000;

/** `cursor`: the `next` of the previous page, as given (format `cursor` in OpenAPI). */
function QueryCursor(): PropertyDecorator {
  const message = '$property must be the next value of an earlier page';
  return applyDecorators(
    ApiPropertyOptional({
      description: 'The `next` of the previous page of the same query',
      type: String,
      format: 'cursor',
      maxLength: MAX_CURSOR_LENGTH,
    }),
    IsString({ message }),
    MaxLength(MAX_CURSOR_LENGTH, { message }),
  );
}

/** Paging and read-your-writes, shared by the lookup lists. */
export class LookupPageQuery extends ReadYourWritesQuery {
  @QueryInteger('Most items in the page', {
    min: 1,
    max: MAX_LOOKUP_LIMIT,
    default: DEFAULT_LOOKUP_LIMIT,
  })
  limit?: number;

  @QueryCursor()
  cursor?: string;
}

/** `GET /views/contacts`. */
export class ContactsQuery extends LookupPageQuery {
  @QueryText('E-mail, normalised as duplicate detection does (trimmed, lower-cased)')
  email?: string;

  @QueryText('Phone, normalised as duplicate detection does (+ kept, 00 read as +, digits only)')
  phone?: string;

  @QueryText("The contact's owner")
  ownerId?: string;

  @QueryChoice('The current lifecycle stage', LIFECYCLE_STAGES, 'LifecycleStage')
  lifecycleStage?: string;

  @QueryChoice('The current lead status', LEAD_STATUSES, 'LeadStatus')
  leadStatus?: string;
}

/** `GET /views/deals`. */
export class DealsQuery extends LookupPageQuery {
  @QueryText("The deal's contact")
  contactId?: string;

  @QueryChoice("The deal's status", ['open', 'won', 'lost'], 'DealStatus')
  status?: string;

  @QueryText("The deal's owner")
  ownerId?: string;
}

/** `GET /views/tickets`. */
export class TicketsQuery extends LookupPageQuery {
  @QueryText("The ticket's contact")
  contactId?: string;

  @QueryChoice("The ticket's status", TICKET_STATUSES, 'TicketStatus')
  status?: string;

  @QueryText('The agent the ticket is now assigned to')
  agentId?: string;

  @QueryText('The team now in charge of the ticket')
  teamId?: string;
}

/** The filters of a lookup query: everything but paging and read-your-writes. */
export function lookupFilters<T extends LookupPageQuery>(
  query: T,
): Omit<T, 'limit' | 'cursor' | 'minPosition'> {
  const { limit: _limit, cursor: _cursor, minPosition: _minPosition, ...filters } = query;
  return filters;
}
