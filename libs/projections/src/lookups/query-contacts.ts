import type { DocumentQuery, ReadStore } from '@chronicle/read-store';
import type { PersonalDataOpener } from '../customer-360/customer-360-view';
import { type ContactLookupDocument, LOOKUP_IDENTITY_FIELDS } from './contact-lookup';
import { equalities, findLookupPage, type LookupPage, type LookupPageRequest } from './lookup-page';

/** One contact of `GET /views/contacts`. */
export interface ContactListItem {
  contactId: string;
  firstName: unknown;
  lastName: unknown;
  email: unknown;
  phone: unknown;
  lifecycleStage: string | null;
  leadStatus: string | null;
  ownerId: string | null;
  revision: number;
}

export interface ContactListFilters {
  /**
   * The contacts an e-mail or phone lookup found in the identity index; given, only they are
   * listed, and never an erased one, whatever the index still said.
   */
  contactIds?: readonly string[];
  ownerId?: string;
  lifecycleStage?: string;
  leadStatus?: string;
}

/**
 * `GET /views/contacts`: live contacts (registered, not merged away) in contact id order, with
 * their identity decrypted now (an erased contact's reads `[erased]`).
 */
export async function queryContacts(
  readStore: ReadStore,
  collection: string,
  filters: ContactListFilters,
  page: LookupPageRequest,
  cipher: PersonalDataOpener,
): Promise<LookupPage<ContactListItem>> {
  const { contactIds, ...rest } = filters;
  const byIdentity: DocumentQuery[] =
    contactIds === undefined ? [] : [{ contactId: { $in: [...contactIds] } }, { erased: false }];
  const found = await findLookupPage(
    readStore,
    collection,
    'contactId',
    [{ listed: true }, ...byIdentity, ...equalities(rest)],
    page,
  );
  const items = await Promise.all(
    found.items.map((document) => toContactListItem(document as ContactLookupDocument, cipher)),
  );
  return { items, lastId: found.lastId };
}

async function toContactListItem(
  contact: ContactLookupDocument,
  cipher: PersonalDataOpener,
): Promise<ContactListItem> {
  const opened = await cipher.open({
    type: 'ContactRegistered',
    data: { contactId: contact.contactId, ...contact.identity },
  });
  const [firstName, lastName, email, phone] = LOOKUP_IDENTITY_FIELDS.map(
    (field) => opened[field] ?? null,
  );
  return {
    contactId: contact.contactId,
    firstName,
    lastName,
    email,
    phone,
    lifecycleStage: contact.lifecycleStage,
    leadStatus: contact.leadStatus,
    ownerId: contact.ownerId,
    revision: contact.revision,
  };
}
