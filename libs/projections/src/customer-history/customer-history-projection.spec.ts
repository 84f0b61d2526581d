import type { ReadStore } from '@chronicle/read-store';
import { projectEvents } from '../shared/testing/project-events';
import { recordedEvents } from '../shared/testing/recorded-event';
import { openTestReadStore } from '../shared/testing/test-read-store';
import {
  customerHistoryProjection,
  HISTORY_CONTACTS,
  HISTORY_STREAMS,
} from './customer-history-projection';
import { queryCustomerHistory } from './query-customer-history';

describe('customer-history', () => {
  let readStore: ReadStore;
  beforeEach(async () => {
    readStore = await openTestReadStore();
  });
  afterEach(async () => {
    await readStore.close();
  });

  const at = '2025-01-01T00:00:00.000Z';

  async function historyAfter(events: ReturnType<ReturnType<typeof recordedEvents>['event']>[]) {
    const model = await projectEvents(readStore, customerHistoryProjection, events);
    const collections = {
      contacts: model.collection(HISTORY_CONTACTS),
      streams: model.collection(HISTORY_STREAMS),
    };
    return (contactId: string) => queryCustomerHistory(readStore, collections, contactId);
  }

  it('maps every stream naming the contact to it, ordered by first position', async () => {
    const given = recordedEvents();
    const history = await historyAfter([
      given.event({ type: 'ContactRegistered', data: { contactId: 'C-1' }, at }),
      given.event({ type: 'DealOpened', data: { dealId: 'D-1', contactId: 'C-1' }, at }),
      given.event({ type: 'DealOpened', data: { dealId: 'D-9' }, at }),
      given.event({ type: 'TicketOpened', data: { ticketId: 'T-1', contactId: 'C-1' }, at }),
      given.event({ type: 'TicketClosed', data: { ticketId: 'T-1', contactId: 'C-1' }, at }),
    ]);

    expect(await history('C-1')).toEqual({
      contactId: 'C-1',
      contactIds: ['C-1'],
      streams: [
        { streamId: 'contact-C-1', firstPosition: '1' },
        { streamId: 'deal-D-1', firstPosition: '2' },
        { streamId: 'ticket-T-1', firstPosition: '4' },
      ],
    });
  });

  it('follows merges, transitively, to the duplicates’ streams', async () => {
    const given = recordedEvents();
    const merge = (survivor: string, duplicate: string) =>
      [duplicate, survivor].map((contactId) =>
        given.event({
          type: 'ContactsMerged',
          data: { contactId, survivorContactId: survivor, duplicateContactId: duplicate },
          at,
        }),
      );
    const history = await historyAfter([
      ...['A', 'B', 'C'].map((contactId) =>
        given.event({ type: 'ContactRegistered', data: { contactId }, at }),
      ),
      given.event({ type: 'PurchaseRecorded', data: { orderId: 'O-1', contactId: 'C' }, at }),
      ...merge('B', 'C'),
      ...merge('A', 'B'),
    ]);

    const answer = await history('A');
    expect(answer?.contactIds).toEqual(['A', 'B', 'C']);
    expect(answer?.streams.map(({ streamId }) => streamId)).toEqual([
      'contact-A',
      'contact-B',
      'contact-C',
      'order-O-1',
    ]);
    expect((await history('C'))?.contactIds).toEqual(['C']);
  });

  it('knows no contact that was never registered', async () => {
    const given = recordedEvents();
    const history = await historyAfter([
      given.event({ type: 'DealOpened', data: { dealId: 'D-1', contactId: 'C-404' }, at }),
    ]);

    expect(await history('C-404')).toBeUndefined();
  });
});
