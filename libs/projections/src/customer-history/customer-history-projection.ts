import type { RecordedEvent } from '@chronicle/event-store';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { stringField } from '../shared/event-fields';

/** Logical collection: one document per registered contact, `_id` = contactId, with `mergedFrom`. */
export const HISTORY_CONTACTS = 'contacts';
/**
 * Logical collection: one document per (contact, stream) pair, `_id` = `<contactId>/<streamId>`,
 * with `contactId`, `streamId` and `firstPosition` (the first event of the stream naming the contact).
 */
export const HISTORY_STREAMS = 'streams';

/**
 * The streams whose events can name a contact. Campaign streams are left out: a campaign's events
 * are about the campaign (touches live on the contact's own stream), and custom-field definitions
 * and SLA policies belong to nobody.
 */
export const CUSTOMER_STREAM_PREFIXES = [
  'contact-',
  'deal-',
  'order-',
  'interaction-',
  'feedback-',
  'survey-response-',
  'ticket-',
] as const;

export interface HistoryContactDocument {
  _id: string;
  /** Duplicates merged into this contact, in merge order. */
  mergedFrom: string[];
}

/**
 * `customer-history`: which streams belong to which contact, so the audit can read a customer's
 * facts straight from the event store, stream by stream. A stream belongs to every contact its
 * events name in `data.contactId` (a deal without a contact belongs to nobody). Merges are kept
 * as links, not copied memberships: the audit follows `mergedFrom` when it answers, so events
 * appended later to a duplicate's deal or ticket still show in the survivor's history.
 */
export const customerHistoryProjection: Projection = {
  name: 'customer-history',
  version: 1,
  collections: [HISTORY_CONTACTS, HISTORY_STREAMS],
  indexes: [{ collection: HISTORY_STREAMS, fields: ['contactId'] }],
  filter: { streamPrefixes: [...CUSTOMER_STREAM_PREFIXES] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    const contactId = stringField(event.data, 'contactId');
    if (contactId === undefined) return;
    await rememberMembership(work, contactId, event);
    if (event.type === 'ContactRegistered') await registered(work, contactId);
    if (event.type === 'ContactsMerged') await merged(work, contactId, event);
  },
};

/** The id of the membership document of `streamId` in `contactId`'s history. */
export function membershipId(contactId: string, streamId: string): string {
  // Ids are made of `A-Z a-z 0-9 _ . : -` (docs/api.md), so `/` cannot occur in either part.
  return `${contactId}/${streamId}`;
}

async function rememberMembership(
  work: UnitOfWork,
  contactId: string,
  event: RecordedEvent,
): Promise<void> {
  const _id = membershipId(contactId, event.streamId);
  if (await work.get(HISTORY_STREAMS, _id)) return;
  work.put(HISTORY_STREAMS, {
    _id,
    contactId,
    streamId: event.streamId,
    firstPosition: event.position,
  });
}

async function registered(work: UnitOfWork, contactId: string): Promise<void> {
  if (await work.get(HISTORY_CONTACTS, contactId)) return;
  work.put(HISTORY_CONTACTS, { _id: contactId, mergedFrom: [] });
}

// Both contacts get a ContactsMerged; only the survivor's names a duplicate other than itself.
async function merged(work: UnitOfWork, contactId: string, event: RecordedEvent): Promise<void> {
  const survivor = stringField(event.data, 'survivorContactId');
  const duplicate = stringField(event.data, 'duplicateContactId');
  if (survivor !== contactId || duplicate === undefined) return;
  const stored = await work.get(HISTORY_CONTACTS, contactId);
  const mergedFrom = Array.isArray(stored?.mergedFrom) ? (stored.mergedFrom as string[]) : [];
  if (mergedFrom.includes(duplicate)) return;
  work.put(HISTORY_CONTACTS, { _id: contactId, mergedFrom: [...mergedFrom, duplicate] });
}
