import { Controller, Get, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@chronicle/platform';
import { ValidQuery } from '../query/valid-query.decorator';
import { type ContactList, ContactListRead } from './handlers/contact-list.handler';
import { ContactsQuery } from './lookup-queries';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { ContactListAnswer } from './responses/lookups.response';

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class ContactsController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Roles('analyst', 'service')
  @Get('contacts')
  @ApiAnswer(ContactListAnswer)
  @ApiOperation({
    summary:
      'Live contacts by e-mail or phone (normalised), owner, stage or lead status, with revision; cursor paging',
  })
  contacts(@ValidQuery(ContactsQuery) query: ContactsQuery): Promise<ContactList> {
    return this.queryBus.execute(new ContactListRead(query));
  }
}
