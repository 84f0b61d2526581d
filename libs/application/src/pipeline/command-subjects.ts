import { type DomainEvent, personalDataSubject, personalFields } from '@chronicle/domain';

const CONTACT_FIELDS = ['contactId', 'survivorContactId', 'duplicateContactId'] as const;
const PERSONAL_FIELD_NAMES: ReadonlySet<string> = new Set(Object.values(personalFields).flat());

/**
 * The contacts whose personal data a command carries, so that erasing one removes the command's
 * idempotency record, fingerprint and answer alike: the subjects of its events' personal fields,
 * and, when its payload holds a personal field, the contacts it names or its target belongs to (a
 * ticket command names only its ticket; a repeat decides no event). An erasure itself carries
 * none, so its own answer outlives the destruction it triggers.
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
  for (const event of events) {
    if ((personalFields[event.type] ?? []).some((field) => event.data[field] !== undefined)) {
      add(personalDataSubject(event));
    }
  }
  if (Object.keys(payload).some((field) => PERSONAL_FIELD_NAMES.has(field))) {
    for (const field of CONTACT_FIELDS) add(payload[field]);
    add((targetState as { contactId?: unknown } | null | undefined)?.contactId);
  }
  return subjects;
}
