import type { JsonValue, RecordedEvent } from '@chronicle/event-store';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { stringField } from '../shared/event-fields';

/** Logical collection: one document per contact, keyed by contactId. */
export const LOOKUP_CONTACTS = 'contacts';

/** The identity fields a lookup answers; kept sealed, as the events carry them. */
export const LOOKUP_IDENTITY_FIELDS = ['firstName', 'lastName', 'email', 'phone'] as const;

/**
 * One contact as `GET /views/contacts` lists it. `revision` is the contact stream's last revision
 * the projection applied (what `If-Match` expects); `listed` is false before registration and
 * once merged away.
 */
export type ContactLookupDocument = {
  _id: string;
  contactId: string;
  listed: boolean;
  erased: boolean;
  mergedInto: string | null;
  lifecycleStage: string | null;
  leadStatus: string | null;
  ownerId: string | null;
  /** Sealed values (`enc:v1:…`) of LOOKUP_IDENTITY_FIELDS; opened only to answer. */
  identity: Record<string, JsonValue>;
  revision: number;
};

const CONTACT_STREAM = 'contact-';

/**
 * `contact-lookup`: every event of every contact stream, so `revision` counts them all. Indexed
 * for the list's filters, each followed by the contact id the pages are ordered by.
 */
export const contactLookupProjection: Projection = {
  name: 'contact-lookup',
  version: 1,
  collections: [LOOKUP_CONTACTS],
  indexes: [
    { collection: LOOKUP_CONTACTS, fields: ['listed', 'contactId'] },
    { collection: LOOKUP_CONTACTS, fields: ['ownerId', 'contactId'] },
    { collection: LOOKUP_CONTACTS, fields: ['lifecycleStage', 'contactId'] },
    { collection: LOOKUP_CONTACTS, fields: ['leadStatus', 'contactId'] },
  ],
  filter: { streamPrefixes: [CONTACT_STREAM] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    if (!event.streamId.startsWith(CONTACT_STREAM)) return;
    const contactId = event.streamId.slice(CONTACT_STREAM.length);
    const stored = (await work.get(LOOKUP_CONTACTS, contactId)) as
      ContactLookupDocument | undefined;
    const current = stored ?? unregistered(contactId);
    work.put(LOOKUP_CONTACTS, { ...evolveContactLookup(current, event), revision: event.revision });
  },
};

function unregistered(contactId: string): ContactLookupDocument {
  return {
    _id: contactId,
    contactId,
    listed: false,
    erased: false,
    mergedInto: null,
    lifecycleStage: null,
    leadStatus: null,
    ownerId: null,
    identity: {},
    revision: -1,
  };
}

function evolveContactLookup(
  contact: ContactLookupDocument,
  event: RecordedEvent,
): ContactLookupDocument {
  const { data } = event;
  const text = (key: string): string | undefined => stringField(data, key);
  switch (event.type) {
    case 'ContactRegistered':
      return {
        ...contact,
        listed: contact.mergedInto === null,
        identity: withIdentity({}, data),
        lifecycleStage: text('lifecycleStage') ?? 'lead',
        leadStatus: text('leadStatus') ?? 'new',
        ownerId: text('ownerId') ?? null,
      };
    case 'ContactDetailsUpdated':
      return { ...contact, identity: withIdentity(contact.identity, data) };
    case 'LifecycleStageChanged':
      return { ...contact, lifecycleStage: text('to') ?? contact.lifecycleStage };
    case 'LeadDisqualified':
      return { ...contact, leadStatus: 'unqualified' };
    case 'LeadStatusChanged':
      return { ...contact, leadStatus: text('to') ?? contact.leadStatus };
    case 'ContactOwnerAssigned':
      return { ...contact, ownerId: text('ownerId') ?? contact.ownerId };
    case 'ContactsMerged':
      if (text('duplicateContactId') !== contact.contactId) return contact;
      return { ...contact, listed: false, mergedInto: text('survivorContactId') ?? null };
    case 'ContactPersonalDataErased':
      return { ...contact, erased: true };
    default:
      return contact;
  }
}

function withIdentity(
  identity: Record<string, JsonValue>,
  data: RecordedEvent['data'],
): Record<string, JsonValue> {
  const next = { ...identity };
  for (const field of LOOKUP_IDENTITY_FIELDS) {
    const value = data[field];
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next;
}
