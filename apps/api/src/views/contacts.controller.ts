import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ContactIdentities, PersonalDataCipher } from '@chronicle/application';
import {
  type ContactListItem,
  contactLookupProjection,
  LOOKUP_CONTACTS,
  ProjectorRuntime,
  queryContacts,
} from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { ValidQuery } from '../query/valid-query.decorator';
import { LookupCursors } from './lookup-cursor';
import { ContactsQuery, DEFAULT_LOOKUP_LIMIT, lookupFilters } from './lookup-queries';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { ContactListAnswer } from './responses/lookups.response';

export interface ContactList {
  contacts: ContactListItem[];
  next: string | null;
  position: string;
}

const NAME = contactLookupProjection.name;

@ApiTags('views')
@ApiErrors(400, 401, 403, 429, 500, 503)
@Controller('views')
export class ContactsController {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(ContactIdentities) private readonly identities: ContactIdentities,
    @Inject(LookupCursors) private readonly cursors: LookupCursors,
  ) {}

  @Roles('analyst', 'service')
  @Get('contacts')
  @ApiAnswer(ContactListAnswer)
  @ApiOperation({
    summary:
      'Live contacts by e-mail or phone (normalised), owner, stage or lead status, with revision; cursor paging',
  })
  async contacts(@ValidQuery(ContactsQuery) query: ContactsQuery): Promise<ContactList> {
    const filters = lookupFilters(query);
    const afterId = this.cursors.afterId('contacts', filters, query.cursor);
    if (query.minPosition !== undefined)
      await this.runtime.waitForPosition(NAME, query.minPosition);
    // The position is read before the documents, so the answer is at least that recent.
    const position = this.runtime.position(NAME);
    const { email, phone, ...rest } = filters;
    const page = await queryContacts(
      this.readStore,
      this.runtime.collection(NAME, LOOKUP_CONTACTS),
      { ...rest, contactIds: await this.identityMatches(email, phone) },
      { afterId, limit: query.limit ?? DEFAULT_LOOKUP_LIMIT },
      this.cipher,
    );
    const next = this.cursors.next('contacts', filters, page.lastId);
    return { contacts: page.items, next, position };
  }

  /** The contacts holding the e-mail and the phone asked; undefined when neither is asked. */
  private async identityMatches(email?: string, phone?: string): Promise<string[] | undefined> {
    const [byEmail, byPhone] = await Promise.all([
      email === undefined ? undefined : this.identities.contactsWith('email', email),
      phone === undefined ? undefined : this.identities.contactsWith('phone', phone),
    ]);
    if (byEmail === undefined) return byPhone;
    return byPhone === undefined ? byEmail : byEmail.filter((id) => byPhone.includes(id));
  }
}
