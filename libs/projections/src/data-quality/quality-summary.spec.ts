import fc from 'fast-check';
import type { ReadStore } from '@chronicle/read-store';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { queryDataQuality, queryDataQualityByContacts } from './query-data-quality';
import { projectQuality, qualityHistory } from './testing/quality-events';

const contact = fc.constantFrom('c0', 'c1', 'c2', 'c3', 'c4', 'c5');
// Quarter days over ten days of 2025: the cut-off day often holds a contact's latest activity.
const quarterDay = (quarters: number) =>
  new Date(Date.parse('2025-01-01T00:00:00Z') + quarters * 21_600_000).toISOString();
const time = fc.integer({ min: 0, max: 40 }).map(quarterDay);
// Asked after most of the history, so cut-offs fall among the contacts' activity.
const askedAt = fc.integer({ min: 16, max: 60 }).map(quarterDay);
const detail = fc.constantFrom('firstName', 'lastName', 'email', 'phone');
const value = fc.constantFrom('x', ' ', null);

type Step =
  | { kind: 'register'; contact: string; at: string; fields: string[]; owner: boolean }
  | { kind: 'update'; contact: string; at: string; field: string; value: string | null }
  | { kind: 'activity'; contact: string; at: string }
  | { kind: 'suspect'; contact: string; other: string; at: string }
  | { kind: 'merge'; contact: string; other: string; at: string }
  | { kind: 'erase'; contact: string; at: string };

const step: fc.Arbitrary<Step> = fc.oneof(
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

async function historyOf(steps: Step[]) {
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

describe('the data-quality day summaries', () => {
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = await openTestReadStore();
  });

  afterEach(() => readStore.close());

  it('answer every time and staleDays exactly as the contacts themselves, across batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.record({ at: askedAt, staleDays: fc.integer({ min: 1, max: 6 }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        async (steps, batchSize, asked) => {
          await readStore.dropByPrefix('data-quality.');
          const history = await historyOf(steps);
          let model = await projectQuality(readStore, history.cipher, []);
          for (let start = 0; start < history.events.length; start += batchSize) {
            const batch = history.events.slice(start, start + batchSize);
            model = await projectQuality(readStore, history.cipher, batch);
          }
          for (const { at, staleDays } of asked) {
            expect(await queryDataQuality(model, staleDays, at)).toEqual(
              await queryDataQualityByContacts(model, staleDays, at),
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
