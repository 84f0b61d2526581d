import type { RecordedEvent } from '@chronicle/event-store';
import type { UnitOfWork } from '../runtime/projection';
import { type Fact, factOf, withFact } from '../shared/business-time';
import { type QualityContact, unregisteredContact } from './quality-contact';
import { QUALITY_CONTACTS } from './quality-ledger';
import { type DetailsPresence, PRESENCE_FLAG_NAMES } from './quality-presence';

// What applyToQuality reads of an event besides its type and business time. Personal values
// (name, e-mail, phone) are never kept: only whether the event gave or cleared them.
const FACT_FIELDS = [
  'contactId',
  'ownerId',
  'duplicateOfContactId',
  'survivorContactId',
  'duplicateContactId',
] as const;

/** `event` as the as-of fold reads it, with the presence the live fold decrypted. */
export function qualityFactOf(event: RecordedEvent, presence: DetailsPresence): Fact {
  const fact = factOf(event, FACT_FIELDS);
  return { ...fact, data: { ...fact.data, ...presence } };
}

/** The presence a fact of a registration or update carries. */
export function presenceOfFact(data: Fact['data']): DetailsPresence {
  const presence: DetailsPresence = {};
  for (const flag of PRESENCE_FLAG_NAMES) {
    const value = data[flag];
    if (typeof value === 'boolean') presence[flag] = value;
  }
  return presence;
}

/** Keeps `fact` on the document of the contact it names, in business-time order. */
export async function rememberFact(work: UnitOfWork, contactId: string, fact: Fact): Promise<void> {
  const stored = await work.get(QUALITY_CONTACTS, contactId);
  const contact = stored ? (stored as QualityContact) : unregisteredContact(contactId);
  work.put(QUALITY_CONTACTS, { ...contact, facts: withFact(contact.facts, fact) });
}
