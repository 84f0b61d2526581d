import type { RecordedEvent } from '@chronicle/event-store';
import type { PersonalDataOpener } from '../customer-360/customer-360-view';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { DAY_SUMMARY_INDEX_FIELDS } from '../shared/day-summaries';
import { occurredAtOf, stringField } from '../shared/event-fields';
import {
  later,
  QUALITY_CONTACTS,
  QUALITY_DAYS,
  QUALITY_PAIRS,
  QUALITY_TOTALS,
  QualityLedger,
} from './quality-ledger';
import { detailsPresence } from './quality-presence';

// Every event that names a contact lies on one of its streams: its own, its deals, orders,
// interactions, tickets, surveys and feedback. Campaign, SLA-policy and custom-field
// definition streams name none.
const CONTACT_EVENT_PREFIXES = [
  'Contact',
  'Duplicate',
  'CustomFieldSet',
  'Lifecycle',
  'Lead',
  'Consent',
  'CampaignTouch',
  'Deal',
  'Purchase',
  'Interaction',
  'Feedback',
  'Survey',
  'Ticket',
  'SlaBreached',
];

/** The projection's name, for readers that do not build it (its factory needs a cipher). */
export const DATA_QUALITY_PROJECTION = 'data-quality';

/**
 * `data-quality`: one document per contact (presence of name, e-mail, phone and owner, status,
 * latest activity, open suspected pairs), day summaries by day of latest activity, the suspected
 * pairs, and the count of open pairs. The view reads the summaries (one per day of activity) and
 * the contacts of one day, whatever the number of contacts.
 *
 * Name, e-mail and phone are sealed in the events, and an update may clear one (null, sealed like
 * any value), so `opener` decrypts those four fields to tell present from missing or blank; only
 * the answer (true or false) is kept.
 */
export function dataQualityProjection(opener: PersonalDataOpener): Projection {
  return {
    name: DATA_QUALITY_PROJECTION,
    version: 1,
    collections: [QUALITY_CONTACTS, QUALITY_DAYS, QUALITY_PAIRS, QUALITY_TOTALS],
    indexes: [
      { collection: QUALITY_CONTACTS, fields: ['lastActivityAt'] },
      { collection: QUALITY_DAYS, fields: DAY_SUMMARY_INDEX_FIELDS },
    ],
    filter: { eventTypePrefixes: CONTACT_EVENT_PREFIXES },
    apply: (event, work) => applyToQuality(event, work, opener),
  };
}

async function applyToQuality(
  event: RecordedEvent,
  work: UnitOfWork,
  opener: PersonalDataOpener,
): Promise<void> {
  const contactId = stringField(event.data, 'contactId');
  if (contactId === undefined) return;
  const ledger = new QualityLedger(work);
  const at = occurredAtOf(event);
  const { data } = event;
  switch (event.type) {
    case 'ContactRegistered':
    case 'ContactDetailsUpdated': {
      const presence = await detailsPresence(opener, event, contactId);
      const owner = stringField(data, 'ownerId') !== undefined;
      return ledger.change(contactId, (contact) => {
        if (event.type === 'ContactRegistered') contact.registered = true;
        Object.assign(contact, presence);
        contact.hasOwner ||= owner;
        contact.lastActivityAt = later(contact.lastActivityAt, at);
      });
    }
    case 'ContactOwnerAssigned':
      return ledger.change(contactId, (contact) => {
        contact.hasOwner = true;
        contact.lastActivityAt = later(contact.lastActivityAt, at);
      });
    case 'DuplicateSuspected':
      return suspect(ledger, contactId, stringField(data, 'duplicateOfContactId'), at);
    case 'ContactsMerged': {
      const survivor = stringField(data, 'survivorContactId');
      // The survivor's own copy of the fact is activity on its stream.
      if (survivor !== undefined && stringField(data, 'duplicateContactId') === contactId) {
        return merge(ledger, survivor, contactId, at);
      }
      break;
    }
    case 'ContactPersonalDataErased':
      return ledger.change(contactId, (contact) => {
        contact.status = 'erased';
        contact.lastActivityAt = later(contact.lastActivityAt, at);
      });
  }
  const holder = await ledger.holderOf(contactId);
  await ledger.change(holder, (contact) => {
    contact.lastActivityAt = later(contact.lastActivityAt, at);
  });
}

async function suspect(
  ledger: QualityLedger,
  contactId: string,
  otherId: string | undefined,
  at: string,
): Promise<void> {
  const known = otherId !== undefined && (await ledger.pairOpen(contactId, otherId)) !== undefined;
  await ledger.change(contactId, (contact) => {
    if (otherId !== undefined && !known) contact.openPairs += 1;
    contact.lastActivityAt = later(contact.lastActivityAt, at);
  });
  if (otherId === undefined || known) return;
  await ledger.change(otherId, (other) => {
    other.openPairs += 1;
  });
  await ledger.setPair(contactId, otherId, true);
}

async function merge(
  ledger: QualityLedger,
  survivorId: string,
  duplicateId: string,
  at: string,
): Promise<void> {
  const duplicate = await ledger.contact(duplicateId);
  if (duplicate.status === 'merged') return;
  const settles = (await ledger.pairOpen(survivorId, duplicateId)) === true;
  await ledger.change(duplicateId, (contact) => {
    contact.status = 'merged';
    contact.mergedInto = survivorId;
    contact.lastActivityAt = later(contact.lastActivityAt, at);
    if (settles) contact.openPairs -= 1;
  });
  // The survivor keeps both histories: the duplicate's activity is now its own.
  await ledger.change(survivorId, (contact) => {
    if (duplicate.lastActivityAt !== null) {
      contact.lastActivityAt = later(contact.lastActivityAt, duplicate.lastActivityAt);
    }
    if (settles) contact.openPairs -= 1;
  });
  if (settles) await ledger.setPair(survivorId, duplicateId, false);
}
