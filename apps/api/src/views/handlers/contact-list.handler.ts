import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ContactIdentities, PersonalDataCipher } from '@chronicle/application';
import {
  type ContactListItem,
  contactLookupProjection,
  LOOKUP_CONTACTS,
  ProjectorRuntime,
  queryContacts,
} from '@chronicle/projections';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { LookupCursors } from '../lookup-cursor';
import { type ContactsQuery, DEFAULT_LOOKUP_LIMIT, lookupFilters } from '../lookup-queries';
import { readPosition } from './read-position';

export interface ContactList {
  contacts: ContactListItem[];
  next: string | null;
  position: string;
}

const NAME = contactLookupProjection.name;

/** `GET /views/contacts` on the QueryBus: one page of the contacts matching the filters. */
export class ContactListRead extends Query<ContactList> {
  constructor(readonly query: ContactsQuery) {
    super();
  }
}

@QueryHandler(ContactListRead)
export class ContactListHandler implements IQueryHandler<ContactListRead> {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(PersonalDataCipher) private readonly cipher: PersonalDataCipher,
    @Inject(ContactIdentities) private readonly identities: ContactIdentities,
    @Inject(LookupCursors) private readonly cursors: LookupCursors,
  ) {}

  async execute({ query }: ContactListRead): Promise<ContactList> {
    const filters = lookupFilters(query);
    const afterId = this.cursors.afterId('contacts', filters, query.cursor);
    const position = await readPosition(this.runtime, NAME, query.minPosition);
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
