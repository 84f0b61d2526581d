import { ERASED, PersonalDataCipher } from '@chronicle/application';
import type { JsonObject, RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { InMemoryKeyStore } from '../customer-360/testing/in-memory-key-store';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { openTestReadStore } from '../shared/testing/test-read-store';
import { contactLookupProjection, LOOKUP_CONTACTS } from './contact-lookup';
import { dealLookupProjection, LOOKUP_DEALS } from './deal-lookup';
import { queryContacts } from './query-contacts';
import { queryDeal, queryDeals } from './query-deals';
import { queryTickets, queryTicketWithRevision } from './query-tickets';
import { LOOKUP_TICKETS, ticketLookupProjection } from './ticket-lookup';

const at = (day: number) => `2025-01-${String(day).padStart(2, '0')}T09:00:00Z`;
const NOW = new Date('2025-01-02T00:00:00Z');

describe('the lookup projections', () => {
  let readStore: ReadStore;
  let keys: InMemoryKeyStore;
  let cipher: PersonalDataCipher;
  let factory: ReturnType<typeof recordedEvents>;

  beforeEach(async () => {
    readStore = await openTestReadStore();
    keys = new InMemoryKeyStore();
    cipher = new PersonalDataCipher(keys);
    factory = recordedEvents();
  });

  afterEach(() => readStore.close());

  async function event(type: string, data: JsonObject, day = 1): Promise<RecordedEvent> {
    return factory.event({
      type,
      at: at(day),
      data: (await cipher.seal({ type, data })) as JsonObject,
    });
  }

  describe('contacts', () => {
    async function contacts(events: RecordedEvent[]) {
      const model = await projectEvents(readStore, contactLookupProjection, events);
      const collection = model.collection(LOOKUP_CONTACTS);
      return (filters = {}, page: { afterId?: string; limit: number } = { limit: 50 }) =>
        queryContacts(readStore, collection, filters, page, cipher);
    }

    it('lists live contacts with their identity in clear and the stream revision', async () => {
      const list = await contacts([
        await event('ContactRegistered', { contactId: 'C-2', firstName: 'Bo', email: 'bo@x.io' }),
        await event('ContactRegistered', { contactId: 'C-1', firstName: 'Al', phone: '+1 555' }),
        await event('DuplicateSuspected', { contactId: 'C-1', duplicateOf: 'C-2' }),
        await event('ContactOwnerAssigned', { contactId: 'C-1', ownerId: 'U-1' }),
        await event('LifecycleStageChanged', { contactId: 'C-1', from: 'lead', to: 'customer' }),
        await event('ContactDetailsUpdated', { contactId: 'C-1', phone: null, lastName: 'Ng' }),
      ]);
      expect((await list()).items).toEqual([
        {
          contactId: 'C-1',
          firstName: 'Al',
          lastName: 'Ng',
          email: null,
          phone: null,
          lifecycleStage: 'customer',
          leadStatus: 'new',
          ownerId: 'U-1',
          revision: 4,
        },
        expect.objectContaining({ contactId: 'C-2', email: 'bo@x.io', revision: 0 }) as unknown,
      ]);
      expect((await list({ ownerId: 'U-1' })).items.map((c) => c.contactId)).toEqual(['C-1']);
      expect((await list({ lifecycleStage: 'lead' })).items.map((c) => c.contactId)).toEqual([
        'C-2',
      ]);
    });

    it('leaves merged-away contacts out, and erased ones out of identity lookups', async () => {
      const list = await contacts([
        await event('ContactRegistered', { contactId: 'C-1', email: 'a@x.io' }),
        await event('ContactRegistered', { contactId: 'C-2', email: 'b@x.io' }),
        await event('ContactRegistered', { contactId: 'C-3', email: 'c@x.io' }),
        await event('ContactsMerged', {
          contactId: 'C-2',
          survivorContactId: 'C-1',
          duplicateContactId: 'C-2',
        }),
        await event('ContactPersonalDataErased', {
          contactId: 'C-3',
          reason: 'asked',
          erasedSubjects: ['C-3'],
        }),
      ]);
      await keys.destroy('C-3');
      expect((await list()).items.map((c) => [c.contactId, c.email])).toEqual([
        ['C-1', 'a@x.io'],
        ['C-3', ERASED],
      ]);
      const found = await list({ contactIds: ['C-1', 'C-2', 'C-3'] });
      expect(found.items.map((c) => c.contactId)).toEqual(['C-1']);
    });

    it('pages in contact id order, each page after the last id of the one before', async () => {
      const registered = await Promise.all(
        ['C-5', 'C-1', 'C-4', 'C-2', 'C-3'].map((contactId) =>
          event('ContactRegistered', { contactId, firstName: contactId }),
        ),
      );
      const list = await contacts(registered);
      const first = await list({}, { limit: 2 });
      const second = await list({}, { afterId: first.lastId, limit: 2 });
      const last = await list({}, { afterId: second.lastId, limit: 2 });
      expect([first, second, last].map((page) => page.items.map((c) => c.contactId))).toEqual([
        ['C-1', 'C-2'],
        ['C-3', 'C-4'],
        ['C-5'],
      ]);
      expect([first.lastId, second.lastId, last.lastId]).toEqual(['C-2', 'C-4', undefined]);
    });
  });

  it('folds deals as the pipeline does, with contact, name, campaign and revision', async () => {
    const opening = {
      dealId: 'D-1',
      contactId: 'C-1',
      name: 'Big one',
      amount: 100,
      currency: 'EUR',
      stage: 'demo',
      channel: 'online',
      ownerId: 'U-1',
      campaignId: 'CMP-1',
    };
    const model = await projectEvents(readStore, dealLookupProjection, [
      await event('DealOpened', opening),
      await event('DealOpened', { ...opening, dealId: 'D-2', contactId: 'C-2' }),
      await event('DealStageAdvanced', { dealId: 'D-1', stage: 'proposal', probability: 0.5 }),
      await event('DealWon', { dealId: 'D-1', amount: 120 }, 3),
    ]);
    const collection = model.collection(LOOKUP_DEALS);
    expect(await queryDeal(readStore, collection, 'D-1', model.position)).toEqual({
      dealId: 'D-1',
      contactId: 'C-1',
      name: 'Big one',
      stage: 'proposal',
      status: 'won',
      amount: 120,
      currency: 'EUR',
      probability: 0.5,
      ownerId: 'U-1',
      teamId: null,
      channel: 'online',
      product: null,
      campaignId: 'CMP-1',
      openedAt: '2025-01-01T09:00:00.000Z',
      closedAt: '2025-01-03T09:00:00.000Z',
      revision: 2,
      position: model.position,
    });
    const open = await queryDeals(
      readStore,
      collection,
      { status: 'open' },
      {
        limit: 10,
        position: model.position,
      },
    );
    expect(open.items.map((deal) => deal.dealId)).toEqual(['D-2']);
  });

  it('folds tickets as the SLA views do, counting every event of the stream', async () => {
    const model = await projectEvents(readStore, ticketLookupProjection, [
      await event('TicketOpened', {
        ticketId: 'T-1',
        contactId: 'C-1',
        subject: 's',
        priority: 'high',
        channel: 'email',
        firstResponseDueAt: at(1).replace('09', '13'),
        resolutionDueAt: at(2),
      }),
      await event('TicketAssigned', { ticketId: 'T-1', agentId: 'A-1' }),
      await event('SlaBreached', { ticketId: 'T-1', target: 'first_response', dueAt: at(1) }),
    ]);
    const collection = model.collection(LOOKUP_TICKETS);
    const context = { position: model.position, now: NOW };
    expect(await queryTicketWithRevision(readStore, collection, 'T-1', context)).toMatchObject({
      ticketId: 'T-1',
      contactId: 'C-1',
      status: 'assigned',
      assigneeId: 'A-1',
      firstResponse: { status: 'breached', at: null },
      revision: 2,
    });
    const page = { limit: 10, ...context };
    const mine = await queryTickets(readStore, collection, { agentId: 'A-1' }, page);
    const others = await queryTickets(readStore, collection, { agentId: 'A-2' }, page);
    expect([mine.items.length, others.items.length]).toEqual([1, 0]);
  });
});
