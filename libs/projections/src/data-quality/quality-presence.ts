import type { RecordedEvent } from '@chronicle/event-store';
import type { PersonalDataOpener } from '../customer-360/customer-360-view';
import type { QualityContact } from './quality-contact';

const PRESENCE_FLAGS = {
  firstName: 'hasFirstName',
  lastName: 'hasLastName',
  email: 'hasEmail',
  phone: 'hasPhone',
} as const satisfies Record<string, keyof QualityContact>;

export type PresenceFlag = (typeof PRESENCE_FLAGS)[keyof typeof PRESENCE_FLAGS];
export const PRESENCE_FLAG_NAMES: readonly PresenceFlag[] = Object.values(PRESENCE_FLAGS);

/** Which of name, e-mail and phone an event gives a value (true) or clears (false). */
export type DetailsPresence = Partial<Record<PresenceFlag, boolean>>;

/**
 * Which of name, e-mail and phone the event gives a value (true) or clears (false); fields it
 * does not carry are left out. A blank text counts as missing; an erased value (the marker a
 * destroyed key opens to) as present, since only erased contacts have one and they are not live.
 */
export async function detailsPresence(
  opener: PersonalDataOpener,
  event: RecordedEvent,
  contactId: string,
): Promise<DetailsPresence> {
  const fields = Object.keys(PRESENCE_FLAGS).filter(
    (field) => event.data[field] !== undefined,
  ) as Array<keyof typeof PRESENCE_FLAGS>;
  if (fields.length === 0) return {};
  // Only the four fields go to the opener, so the rest of a registration is never decrypted.
  const sealed = Object.fromEntries(fields.map((field) => [field, event.data[field]]));
  const opened = await opener.open({ type: event.type, data: { contactId, ...sealed } });
  return Object.fromEntries(
    fields.map((field) => [PRESENCE_FLAGS[field], isPresent(opened[field])]),
  );
}

function isPresent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  return value !== null && value !== undefined;
}
