import { type DomainEvent } from './shared/decider';

const CONTACT_PERSONAL_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'birthDate',
  'address',
  'socialProfiles',
  'jobTitle',
  'education',
  'incomeBand',
  'familyStatus',
  'lifestyle',
  'preferences',
] as const;

/**
 * Event type -> the top-level data fields holding personal data, which the application encrypts
 * under the subject's key. Ids, amounts, stages, kinds and staff reasons stay in clear so that counts
 * and business history survive an erasure.
 */
export const personalFields: Readonly<Record<string, readonly string[]>> = Object.freeze({
  ContactRegistered: [...CONTACT_PERSONAL_FIELDS, 'customFields'],
  ContactDetailsUpdated: CONTACT_PERSONAL_FIELDS,
  // A custom field may hold anything about the person.
  CustomFieldSet: ['value'],
  InteractionLogged: ['subject', 'notes'],
  FeedbackRecorded: ['description'],
  SurveyResponseRecorded: ['answers'],
  TicketOpened: ['subject', 'description'],
  TicketResponded: ['message'],
  TicketResolved: ['resolution'],
  TicketClosed: ['comment'],
});

/** The contact whose key encrypts the event's personal fields; undefined when it has none. */
export function personalDataSubject(event: DomainEvent): string | undefined {
  if (!Object.hasOwn(personalFields, event.type)) return undefined;
  const { contactId } = event.data;
  return typeof contactId === 'string' ? contactId : undefined;
}
