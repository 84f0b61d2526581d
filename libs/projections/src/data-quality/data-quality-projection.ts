import type { RecordedEvent } from '@chronicle/event-store';
import type { PersonalDataOpener } from '../customer-360/customer-360-view';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { DAY_SUMMARY_INDEX_FIELDS } from '../shared/day-summaries';
import { stringField } from '../shared/event-fields';
import { applyToQuality } from './apply-quality';
import { qualityFactOf, rememberFact } from './quality-facts';
import { QUALITY_CONTACTS, QUALITY_DAYS, QUALITY_PAIRS, QUALITY_TOTALS } from './quality-ledger';
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
 * latest activity, open suspected pairs, and the contact's facts in business-time order), day
 * summaries by day of latest activity, the suspected pairs, and the count of open pairs. The live
 * view reads the summaries (one per day of activity) and the contacts of one day, whatever the
 * number of contacts; the as-of view (`validAt`) folds every contact's facts again.
 *
 * Name, e-mail and phone are sealed in the events, and an update may clear one (null, sealed like
 * any value), so `opener` decrypts those four fields to tell present from missing or blank; only
 * the answer (true or false) is kept, in the contact and in its facts.
 *
 * Version 2 keeps the facts: the runtime rebuilds the read model in a new generation on start.
 */
export function dataQualityProjection(opener: PersonalDataOpener): Projection {
  return {
    name: DATA_QUALITY_PROJECTION,
    version: 2,
    collections: [QUALITY_CONTACTS, QUALITY_DAYS, QUALITY_PAIRS, QUALITY_TOTALS],
    indexes: [
      { collection: QUALITY_CONTACTS, fields: ['lastActivityAt'] },
      { collection: QUALITY_DAYS, fields: DAY_SUMMARY_INDEX_FIELDS },
    ],
    filter: { eventTypePrefixes: CONTACT_EVENT_PREFIXES },
    apply: (event, work) => applyLive(event, work, opener),
  };
}

async function applyLive(
  event: RecordedEvent,
  work: UnitOfWork,
  opener: PersonalDataOpener,
): Promise<void> {
  const contactId = stringField(event.data, 'contactId');
  if (contactId === undefined) return;
  const presence =
    event.type === 'ContactRegistered' || event.type === 'ContactDetailsUpdated'
      ? await detailsPresence(opener, event, contactId)
      : {};
  await applyToQuality(event, work, presence);
  await rememberFact(work, contactId, qualityFactOf(event, presence));
}
