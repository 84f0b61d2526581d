import { type DomainEvent, personalDataSubject } from '@chronicle/domain';

const CONTACT_FIELDS = ['contactId', 'survivorContactId', 'duplicateContactId'] as const;

/**
 * The contacts whose personal data a command may carry: those its payload names, those its events
 * are about (a ticket command names only its ticket) and the one its target stream belongs to.
 * Erasing any of them removes the command's idempotency record, fingerprint and answer alike.
 */
export function commandSubjects(
  payload: Record<string, unknown>,
  targetState: unknown,
  events: readonly DomainEvent[],
): Set<string> {
  const subjects = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && value !== '') subjects.add(value);
  };
  for (const field of CONTACT_FIELDS) add(payload[field]);
  add((targetState as { contactId?: unknown } | null | undefined)?.contactId);
  for (const event of events) {
    add(personalDataSubject(event));
    add(event.data.contactId);
  }
  return subjects;
}
