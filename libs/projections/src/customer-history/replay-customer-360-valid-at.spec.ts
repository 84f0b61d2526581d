import fc from 'fast-check';
import { ERASED, PersonalDataCipher } from '@chronicle/application';
import type { JsonObject, RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { CUSTOMERS, customer360Projection } from '../customer-360/customer-360-projection';
import { type Customer360View, toCustomer360View } from '../customer-360/customer-360-view';
import { queryCustomer360 } from '../customer-360/query-customer-360';
import { InMemoryKeyStore } from '../customer-360/testing/in-memory-key-store';
import { eventsKnownAt } from '../shared/testing/business-time-oracle';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { replayCustomer360ValidAt } from './replay-customer-360';

const CONTACTS = ['P', 'Q'] as const;
const START = Date.parse('2025-01-01T00:00:00.000Z');
// Quarter days over twenty days: many events share a business time, and the order they are
// recorded in is random, so most histories hold backfills.
const quarterDay = (quarters: number) => new Date(START + quarters * 21_600_000).toISOString();

type Draft = { type: string; contactId: string; at: string; data: JsonObject };

const contact = fc.constantFrom(...CONTACTS);
const id = fc.constantFrom('1', '2', '3');
const stage = fc.constantFrom('subscriber', 'lead', 'opportunity', 'customer', 'evangelist');
const draft: fc.Arbitrary<Draft> = fc
  .record({
    contactId: contact,
    at: fc.integer({ min: 0, max: 80 }).map(quarterDay),
    event: fc.oneof(
      fc.record({
        type: fc.constant('ContactRegistered'),
        data: fc.record({ firstName: fc.constant('Ada'), lifecycleStage: stage }),
      }),
      fc.record({
        type: fc.constant('ContactDetailsUpdated'),
        data: fc.record({ email: fc.constantFrom('a@example.com', null), company: fc.string() }),
      }),
      fc.record({
        type: fc.constant('CustomFieldSet'),
        data: fc.record({ field: fc.constantFrom('tier', 'size'), value: fc.nat(9) }),
      }),
      fc.record({ type: fc.constant('LifecycleStageChanged'), data: fc.record({ to: stage }) }),
      fc.record({
        type: fc.constant('LeadStatusChanged'),
        data: fc.record({ to: fc.constantFrom('open', 'connected') }),
      }),
      fc.record({ type: fc.constant('ContactOwnerAssigned'), data: fc.record({ ownerId: id }) }),
      fc.record({
        type: fc.constant('ConsentRecorded'),
        data: fc.record({ channel: fc.constantFrom('email', 'sms'), granted: fc.boolean() }),
      }),
      fc.record({
        type: fc.constant('PurchaseRecorded'),
        data: fc.record({ orderId: id, total: fc.constantFrom(50, 4_000, 9_000) }),
      }),
      fc.record({
        type: fc.constantFrom('InteractionLogged', 'SurveyResponseRecorded'),
        data: fc.record({ interactionId: id, kind: fc.constantFrom('call', 'email') }),
      }),
      fc.record({
        type: fc.constantFrom('TicketOpened', 'TicketResolved', 'TicketReopened', 'TicketClosed'),
        data: fc.record({ ticketId: id }),
      }),
      fc.record({
        type: fc.constantFrom('DealOpened', 'DealWon', 'DealLost'),
        data: fc.record({ dealId: id }),
      }),
      fc.record({ type: fc.constant('ContactsMerged'), data: fc.constant({}) }),
      fc.record({ type: fc.constant('ContactPersonalDataErased'), data: fc.constant({}) }),
    ),
  })
  .map(({ contactId, at, event }) => ({ type: event.type, contactId, at, data: event.data }));

/** The drafts as stored events, in the order drawn: personal fields sealed, merges in pairs. */
async function recordedHistory(drafts: Draft[], cipher: PersonalDataCipher) {
  const factory = recordedEvents();
  const events: RecordedEvent[] = [];
  const record = async (type: string, at: string, data: JsonObject) => {
    const stored = (await cipher.seal({ type, data })) as JsonObject;
    events.push(factory.event({ type, at, data: stored }));
  };
  for (const { type, contactId, at, data } of drafts) {
    if (type === 'ContactsMerged') {
      // Q merged into P: both contacts get the fact, the duplicate's first.
      const merge = { survivorContactId: 'P', duplicateContactId: 'Q' };
      for (const subject of ['Q', 'P']) await record(type, at, { contactId: subject, ...merge });
    } else if (type === 'ContactPersonalDataErased') {
      await record(type, at, { contactId, reason: 'request', erasedSubjects: [contactId] });
    } else {
      await record(type, at, { contactId, ...data });
    }
  }
  return events;
}

describe('the customer 360 as of validAt', () => {
  let readStore: ReadStore;
  let cipher: PersonalDataCipher;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    cipher = new PersonalDataCipher(new InMemoryKeyStore());
  });
  afterEach(() => readStore.close());

  async function asOf(
    contactId: string,
    events: readonly RecordedEvent[],
    validAt: string,
  ): Promise<Customer360View | undefined> {
    const state = await replayCustomer360ValidAt(contactId, events, validAt);
    const context = { position: 'p', now: new Date(validAt), cipher };
    return state && toCustomer360View(state, context);
  }

  /** The oracle: a fresh projection fed only the events known at validAt, read with now = validAt. */
  async function oracle(contactId: string, events: readonly RecordedEvent[], validAt: string) {
    await readStore.dropByPrefix('customer-360.');
    const model = await projectEvents(
      readStore,
      customer360Projection,
      eventsKnownAt(events, validAt),
    );
    const context = { position: 'p', now: new Date(validAt), cipher };
    return queryCustomer360(readStore, model.collection(CUSTOMERS), contactId, context);
  }

  it('equals a fresh projection fed only the events that had happened by validAt', async () => {
    const scenario = fc.array(draft, { minLength: 1, maxLength: 40 }).chain((drafts) =>
      fc.record({
        drafts: fc.constant(drafts),
        moments: fc.array(
          fc.oneof(
            // Exactly an event's business time, or a millisecond either side of it.
            fc
              .record({ index: fc.nat(drafts.length - 1), delta: fc.constantFrom(-1, 0, 0, 1) })
              .map(({ index, delta }) =>
                new Date(Date.parse(drafts[index]!.at) + delta).toISOString(),
              ),
            fc.integer({ min: -4, max: 800 }).map(quarterDay),
          ),
          { minLength: 1, maxLength: 4 },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ drafts, moments }) => {
        const events = await recordedHistory(drafts, cipher);
        for (const validAt of moments) {
          for (const contactId of CONTACTS) {
            expect(await asOf(contactId, events, validAt)).toEqual(
              await oracle(contactId, events, validAt),
            );
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  describe('worked by hand', () => {
    const on = (day: string) => `2025-${day}T00:00:00.000Z`;
    let events: RecordedEvent[];

    beforeEach(async () => {
      const drafts: Draft[] = [
        {
          type: 'ContactRegistered',
          contactId: 'P',
          at: on('01-01'),
          data: { firstName: 'Ada', email: 'ada@example.com', lifecycleStage: 'lead' },
        },
        {
          type: 'PurchaseRecorded',
          contactId: 'P',
          at: on('01-10'),
          data: { orderId: '1', total: 12_000 },
        },
        { type: 'TicketOpened', contactId: 'P', at: on('01-06'), data: { ticketId: '1' } },
        // Recorded last, happened on the 5th: a backfill.
        {
          type: 'LifecycleStageChanged',
          contactId: 'P',
          at: on('01-05'),
          data: { to: 'customer' },
        },
      ];
      events = await recordedHistory(drafts, cipher);
    });

    it('counts only what had happened by validAt, in business-time order', async () => {
      expect(await asOf('P', events, on('01-07'))).toMatchObject({
        firstName: 'Ada',
        email: 'ada@example.com',
        lifecycleStage: 'customer', // the backfilled change of the 5th counts
        stages: {
          // A lead from the 1st to the 5th: 4 days.
          lead: { lastExitedAt: on('01-05'), cumulativeSeconds: 4 * 86_400 },
          // A customer since the 5th, counted up to validAt, the 7th: 2 days.
          customer: { lastExitedAt: null, cumulativeSeconds: 2 * 86_400 },
        },
        openTickets: 1, // opened on the 6th
        purchases: { orders: 0, total: 0, averageOrderValue: null, lastPurchaseAt: null },
        segment: 'potential', // the purchase of the 10th had not happened yet
      });
    });

    it('judges the segment at validAt, not today', async () => {
      // 12,000 on the 10th: a VIP the same day (validAt is inclusive)…
      expect(await asOf('P', events, on('01-10'))).toMatchObject({
        purchases: { orders: 1, total: 12_000, lastPurchaseAt: on('01-10') },
        segment: 'vip',
      });
      // …and at risk 181 days later (Jan 10 → Jul 10: 21 + 28 + 31 + 30 + 31 + 30 + 10 days).
      expect((await asOf('P', events, on('07-10')))?.segment).toBe('at_risk');
      expect((await asOf('P', events, on('07-09')))?.segment).toBe('vip');
    });

    it('knows no contact before its registration', async () => {
      expect(await asOf('P', events, '2024-12-31T23:59:59.999Z')).toBeUndefined();
      expect(await asOf('P', events, on('01-01'))).toMatchObject({ lifecycleStage: 'lead' });
    });

    it('shows an erased contact as erased whatever validAt: the key is gone now', async () => {
      const keys = new InMemoryKeyStore();
      cipher = new PersonalDataCipher(keys);
      const erased = await recordedHistory(
        [
          {
            type: 'ContactRegistered',
            contactId: 'Q',
            at: on('01-01'),
            data: { email: 'q@example.com' },
          },
          { type: 'ContactPersonalDataErased', contactId: 'Q', at: on('03-01'), data: {} },
        ],
        cipher,
      );
      await keys.destroy('Q');
      expect(await asOf('Q', erased, on('02-01'))).toMatchObject({ email: ERASED, erasedAt: null });
    });
  });
});
