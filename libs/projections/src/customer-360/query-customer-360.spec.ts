import { ERASED, PersonalDataCipher } from '@chronicle/application';
import type { JsonObject, RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { CUSTOMERS, customer360Projection, customer360StateOf } from './customer-360-projection';
import { queryCustomer360 } from './query-customer-360';
import { InMemoryKeyStore } from './testing/in-memory-key-store';

const day = (d: string) => `2025-01-${d}T00:00:00Z`;
const NOW = new Date('2025-02-01T00:00:00Z');

describe('GET /views/customers/{contactId}', () => {
  let readStore: ReadStore;
  let keys: InMemoryKeyStore;
  let cipher: PersonalDataCipher;
  let collection: string;
  let position: string;
  let factory: ReturnType<typeof recordedEvents>;

  /** Seals the personal fields as the application does before appending. */
  async function sealed(type: string, at: string, data: JsonObject): Promise<RecordedEvent> {
    return factory.event({ type, at, data: (await cipher.seal({ type, data })) as JsonObject });
  }

  async function given(events: RecordedEvent[]): Promise<void> {
    const model = await projectEvents(readStore, customer360Projection, events);
    collection = model.collection(CUSTOMERS);
    position = model.position;
  }

  const answer = (contactId: string) =>
    queryCustomer360(readStore, collection, contactId, { position, now: NOW, cipher });

  beforeEach(async () => {
    readStore = await openTestReadStore();
    keys = new InMemoryKeyStore();
    cipher = new PersonalDataCipher(keys);
    factory = recordedEvents();
  });
  afterEach(async () => {
    await readStore.close();
  });

  /** P's whole life, plus Q (merged into P) and R (another customer). */
  async function story(): Promise<RecordedEvent[]> {
    const { event } = factory;
    const plain = (type: string, d: string, data: JsonObject) => event({ type, at: day(d), data });
    const P = { contactId: 'P' };
    return [
      await sealed('ContactRegistered', day('01'), {
        ...P,
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@example.com',
        company: 'Engines Ltd',
        source: 'web',
        campaignId: 'C1',
        ownerId: 'O1',
        lifecycleStage: 'lead',
        leadStatus: 'new',
        customFields: { tier: 'gold', newsletter: true },
      }),
      await sealed('ContactDetailsUpdated', day('02'), {
        ...P,
        phone: '+44 20 1234',
        lastName: null,
      }),
      await sealed('CustomFieldSet', day('03'), { ...P, field: 'tier', value: 'platinum' }),
      await sealed('CustomFieldSet', day('03'), { ...P, field: 'shoeSize', value: 38 }),
      plain('LifecycleStageChanged', '05', { ...P, from: 'lead', to: 'customer' }),
      plain('LeadStatusChanged', '05', { ...P, from: 'new', to: 'connected' }),
      plain('ContactOwnerAssigned', '05', { ...P, ownerId: 'O2', previousOwnerId: 'O1' }),
      plain('ConsentRecorded', '06', { ...P, channel: 'email', granted: true }),
      plain('ConsentRecorded', '04', { ...P, channel: 'email', granted: false }), // older: loses
      plain('ConsentRecorded', '06', { ...P, channel: 'sms', granted: false }),
      plain('PurchaseRecorded', '10', {
        ...P,
        orderId: 'O-1',
        items: [],
        currency: 'EUR',
        channel: 'web',
        total: 120.5,
      }),
      plain('PurchaseRecorded', '08', {
        ...P,
        orderId: 'O-2',
        items: [],
        currency: 'EUR',
        channel: 'web',
        total: 79.5,
      }),
      await sealed('InteractionLogged', day('07'), {
        ...P,
        interactionId: 'I-1',
        kind: 'call',
        notes: 'hi',
      }),
      await sealed('InteractionLogged', day('09'), { ...P, interactionId: 'I-2', kind: 'call' }),
      await sealed('InteractionLogged', day('08'), { ...P, interactionId: 'I-3', kind: 'email' }),
      await sealed('FeedbackRecorded', day('11'), {
        ...P,
        feedbackId: 'F-1',
        kind: 'complaint',
        description: 'slow',
      }),
      plain('TicketOpened', '12', { ...P, ticketId: 'T-1', priority: 'high' }),
      plain('TicketOpened', '12', { ...P, ticketId: 'T-2', priority: 'low' }),
      plain('TicketResolved', '13', { ...P, ticketId: 'T-1' }),
      plain('TicketReopened', '14', { ...P, ticketId: 'T-1' }),
      plain('TicketClosed', '14', { ...P, ticketId: 'T-2', resolvedAtClose: true }),
      plain('DealOpened', '15', { ...P, dealId: 'D-1', amount: 10 }),
      plain('DealOpened', '15', { ...P, dealId: 'D-2', amount: 10 }),
      plain('DealOpened', '15', { ...P, dealId: 'D-3', amount: 10 }),
      plain('DealWon', '16', { ...P, dealId: 'D-1', amount: 10 }),
      plain('DealLost', '16', { ...P, dealId: 'D-2' }),
      await sealed('ContactRegistered', day('02'), {
        contactId: 'Q',
        email: 'ada@old.example',
        lifecycleStage: 'lead',
        leadStatus: 'new',
      }),
      plain('ContactsMerged', '17', {
        contactId: 'Q',
        survivorContactId: 'P',
        duplicateContactId: 'Q',
      }),
      plain('ContactsMerged', '17', { ...P, survivorContactId: 'P', duplicateContactId: 'Q' }),
      plain('PurchaseRecorded', '18', {
        contactId: 'R',
        orderId: 'O-3',
        items: [],
        currency: 'EUR',
        channel: 'web',
        total: 5,
      }),
      plain('SlaPolicyDefined', '18', {
        priority: 'low',
        firstResponseSeconds: 1,
        resolutionSeconds: 2,
      }),
    ];
  }

  it('answers the 360 with personal fields decrypted and every figure folded', async () => {
    await given(await story());
    expect(await answer('P')).toEqual({
      contactId: 'P',
      firstName: 'Ada',
      lastName: null,
      email: 'ada@example.com',
      phone: '+44 20 1234',
      birthDate: null,
      address: null,
      socialProfiles: null,
      company: 'Engines Ltd',
      jobTitle: null,
      education: null,
      incomeBand: null,
      familyStatus: null,
      lifestyle: null,
      preferences: null,
      source: 'web',
      campaignId: 'C1',
      registeredAt: '2025-01-01T00:00:00.000Z',
      lifecycleStage: 'customer',
      stageEnteredAt: { lead: '2025-01-01T00:00:00.000Z', customer: '2025-01-05T00:00:00.000Z' },
      // A lead for 4 days; a customer since the 5th, counted up to NOW (27 days).
      stages: {
        lead: {
          firstEnteredAt: '2025-01-01T00:00:00.000Z',
          lastEnteredAt: '2025-01-01T00:00:00.000Z',
          lastExitedAt: '2025-01-05T00:00:00.000Z',
          cumulativeSeconds: 4 * 86400,
        },
        customer: {
          firstEnteredAt: '2025-01-05T00:00:00.000Z',
          lastEnteredAt: '2025-01-05T00:00:00.000Z',
          lastExitedAt: null,
          cumulativeSeconds: 27 * 86400,
        },
      },
      leadStatus: 'connected',
      ownerId: 'O2',
      // The registration's fields, with `tier` replaced by the later CustomFieldSet.
      customFields: { tier: 'platinum', newsletter: true, shoeSize: 38 },
      consents: { email: true, sms: false },
      // 120.5 + 79.5 = 200 over 2 orders → 100; last by business time is the 10th.
      purchases: {
        orders: 2,
        total: 200,
        averageOrderValue: 100,
        lastPurchaseAt: '2025-01-10T00:00:00.000Z',
      },
      // 3 interactions and 1 complaint; the latest is the complaint on the 11th.
      interactions: {
        total: 4,
        byKind: { call: 2, email: 1, complaint: 1 },
        lastAt: '2025-01-11T00:00:00.000Z',
      },
      openTickets: 1, // T-1 resolved then reopened; T-2 closed
      deals: { open: 1, won: 1, lost: 1 },
      segment: 'regular', // 2 orders worth 200, last one 22 days before NOW
      mergedFrom: ['Q'],
      mergedInto: null,
      erasedAt: null,
      position: '31',
    });
  });

  it('stores personal fields only sealed', async () => {
    await given(await story());
    const stored = await readStore.get(collection, 'P');
    const state = stored && customer360StateOf(stored);
    // Long values only: a short one could turn up by chance inside a ciphertext.
    for (const secret of ['ada@example.com', '+44 20 1234', 'Lovelace', 'platinum']) {
      expect(JSON.stringify(stored)).not.toContain(secret);
    }
    const sealedValues = [
      state?.details.firstName,
      state?.details.email,
      state?.registeredCustomFields,
      state?.customFields.tier,
    ];
    for (const value of sealedValues)
      expect(typeof value === 'string' && value.startsWith('enc:v1:')).toBe(true);
    expect(state?.details.company).toBe('Engines Ltd'); // not personal: stays in clear
  });

  it('answers a merged-away contact with its own history and the survivor', async () => {
    await given(await story());
    expect(await answer('Q')).toMatchObject({
      contactId: 'Q',
      email: 'ada@old.example',
      mergedInto: 'P',
      segment: 'potential',
    });
  });

  it('answers undefined for an unknown contact, and for one only named by other events', async () => {
    await given(await story());
    expect(await answer('nobody')).toBeUndefined();
    expect(await answer('R')).toBeUndefined(); // a purchase, but never registered
  });

  it('reads an erased contact as the ERASED marker, counts intact', async () => {
    const E = { contactId: 'E' };
    const events = [
      await sealed('ContactRegistered', day('01'), {
        ...E,
        email: 'e@example.com',
        lifecycleStage: 'lead',
        leadStatus: 'new',
        customFields: { tier: 'gold' },
      }),
      await sealed('CustomFieldSet', day('02'), { ...E, field: 'shoeSize', value: 41 }),
      factory.event({
        type: 'PurchaseRecorded',
        at: day('03'),
        data: { ...E, orderId: 'O-9', items: [], currency: 'EUR', channel: 'web', total: 12_000 },
      }),
      factory.event({
        type: 'ContactPersonalDataErased',
        at: day('04'),
        data: { ...E, reason: 'request', erasedSubjects: ['E'] },
      }),
    ];
    await keys.destroy('E');
    await given(events);
    expect(await answer('E')).toMatchObject({
      email: ERASED,
      firstName: null, // never given
      customFields: { shoeSize: ERASED }, // the registration's field names are sealed with it
      purchases: { orders: 1, total: 12_000 },
      segment: 'vip', // 12,000 ≥ 10,000, last purchase 29 days before NOW
      erasedAt: '2025-01-04T00:00:00.000Z',
    });
  });
});
