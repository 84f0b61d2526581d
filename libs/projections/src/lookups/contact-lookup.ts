import type { JsonValue, RecordedEvent } from '@chronicle/event-store';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { type EventsIn, projectedEvent } from '../shared/projected-event';

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

/** The contact events that change a lookup document; the others only move its revision. */
const LOOKUP_EVENT_TYPES = new Set([
  'ContactRegistered',
  'ContactDetailsUpdated',
  'LifecycleStageChanged',
  'LeadDisqualified',
  'LeadStatusChanged',
  'ContactOwnerAssigned',
  'ContactsMerged',
  'ContactPersonalDataErased',
] as const);

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
    const typed = projectedEvent(event, LOOKUP_EVENT_TYPES);
    // Every other event still counts towards `revision`: it is one of the stream's events.
    const next = typed ? evolveContactLookup(current, typed) : current;
    work.put(LOOKUP_CONTACTS, { ...next, revision: event.revision });
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
  event: EventsIn<typeof LOOKUP_EVENT_TYPES>,
): ContactLookupDocument {
  switch (event.type) {
    case 'ContactRegistered':
      return {
        ...contact,
        listed: contact.mergedInto === null,
        identity: withIdentity({}, event.data),
        lifecycleStage: event.data.lifecycleStage ?? 'lead',
        leadStatus: event.data.leadStatus ?? 'new',
        ownerId: event.data.ownerId ?? null,
      };
    case 'ContactDetailsUpdated':
      return { ...contact, identity: withIdentity(contact.identity, event.data) };
    case 'LifecycleStageChanged':
      return { ...contact, lifecycleStage: event.data.to };
    case 'LeadDisqualified':
      return { ...contact, leadStatus: 'unqualified' };
    case 'LeadStatusChanged':
      return { ...contact, leadStatus: event.data.to };
    case 'ContactOwnerAssigned':
      return { ...contact, ownerId: event.data.ownerId };
    case 'ContactsMerged':
      if (event.data.duplicateContactId !== contact.contactId) return contact;
      return { ...contact, listed: false, mergedInto: event.data.survivorContactId };
    case 'ContactPersonalDataErased':
      return { ...contact, erased: true };
  }
}

/** The identity fields a registration or a correction carries; `null` clears one. */
type IdentityFields = { [K in (typeof LOOKUP_IDENTITY_FIELDS)[number]]?: string | null };

function withIdentity(
  identity: Record<string, JsonValue>,
  data: IdentityFields,
): Record<string, JsonValue> {
  const next = { ...identity };
  for (const field of LOOKUP_IDENTITY_FIELDS) {
    const value = data[field];
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next;
}
