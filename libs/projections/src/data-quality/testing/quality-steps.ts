import fc from 'fast-check';
import { qualityHistory } from './quality-events';

/**
 * Random contact histories for the data-quality view: registrations with some of name, e-mail
 * and phone, updates that give, blank or clear one, activity, suspicions, merges and erasures,
 * at quarter days over ten days of 2025 in random order, so many are recorded out of
 * business-time order (backfills) and many share a business time.
 */
const contact = fc.constantFrom('c0', 'c1', 'c2', 'c3', 'c4', 'c5');
// Quarter days over ten days of 2025: the cut-off day often holds a contact's latest activity.
export const quarterDay = (quarters: number) =>
  new Date(Date.parse('2025-01-01T00:00:00Z') + quarters * 21_600_000).toISOString();
export const time = fc.integer({ min: 0, max: 40 }).map(quarterDay);
// Asked after most of the history, so cut-offs fall among the contacts' activity.
export const askedAt = fc.integer({ min: 16, max: 60 }).map(quarterDay);
const detail = fc.constantFrom('firstName', 'lastName', 'email', 'phone');
const value = fc.constantFrom('x', ' ', null);

export type Step =
  | { kind: 'register'; contact: string; at: string; fields: string[]; owner: boolean }
  | { kind: 'update'; contact: string; at: string; field: string; value: string | null }
  | { kind: 'activity'; contact: string; at: string }
  | { kind: 'suspect'; contact: string; other: string; at: string }
  | { kind: 'merge'; contact: string; other: string; at: string }
  | { kind: 'erase'; contact: string; at: string };

export const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('register' as const),
    contact,
    at: time,
    fields: fc.subarray(['firstName', 'lastName', 'email', 'phone']),
    owner: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('update' as const), contact, at: time, field: detail, value }),
  fc.record({ kind: fc.constant('activity' as const), contact, at: time }),
  fc.record({ kind: fc.constant('suspect' as const), contact, other: contact, at: time }),
  fc.record({ kind: fc.constant('merge' as const), contact, other: contact, at: time }),
  fc.record({ kind: fc.constant('erase' as const), contact, at: time }),
);

export async function historyOf(steps: Step[]) {
  const history = qualityHistory();
  const gone = new Set<string>();
  for (const s of steps) {
    const { contact: contactId, at } = s;
    if (s.kind === 'register') {
      const details = Object.fromEntries(s.fields.map((field) => [field, `${field} value`]));
      await history.event('ContactRegistered', at, {
        contactId,
        lifecycleStage: 'lead',
        leadStatus: 'new',
        ...details,
        ...(s.owner && { ownerId: 'U' }),
      });
    } else if (s.kind === 'update') {
      await history.event('ContactDetailsUpdated', at, { contactId, [s.field]: s.value });
    } else if (s.kind === 'activity') {
      await history.event('InteractionLogged', at, { interactionId: at, contactId, kind: 'call' });
    } else if (s.kind === 'suspect' && s.other !== contactId) {
      await history.event('DuplicateSuspected', at, {
        contactId,
        duplicateOfContactId: s.other,
        matchedOn: 'phone',
      });
    } else if (s.kind === 'merge' && s.other !== contactId && !gone.has(contactId)) {
      if (gone.has(s.other)) continue;
      gone.add(s.other);
      await history.merge(contactId, s.other, at);
    } else if (s.kind === 'erase' && !gone.has(contactId)) {
      gone.add(contactId);
      await history.event('ContactPersonalDataErased', at, {
        contactId,
        reason: 'r',
        erasedSubjects: [contactId],
      });
    }
  }
  return history;
}
