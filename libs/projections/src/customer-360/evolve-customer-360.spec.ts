import { recordedEvents } from '../shared/testing/recorded-event';
import { evolveCustomer360 } from './evolve-customer-360';

describe('evolveCustomer360', () => {
  const { event } = recordedEvents();
  const registered = event({
    type: 'ContactRegistered',
    at: '2025-01-01T00:00:00Z',
    data: { contactId: 'P', lifecycleStage: 'subscriber', leadStatus: 'new' },
  });

  it('folds a customer from nothing, keeping the position of the last event', () => {
    const purchase = event({
      type: 'PurchaseRecorded',
      at: '2025-01-02T00:00:00Z',
      data: {
        contactId: 'P',
        orderId: 'O',
        items: [],
        currency: 'EUR',
        channel: 'web',
        total: 0.1,
      },
    });
    const again = { ...purchase, position: '3', data: { ...purchase.data, total: 0.2 } };
    const state = [registered, purchase, again].reduce(evolveCustomer360, undefined);
    // 0.1 + 0.2 rounded to millionths, not 0.30000000000000004.
    expect(state).toMatchObject({
      registered: true,
      lifecycleStage: 'subscriber',
      purchases: { orders: 2, total: 0.3, lastPurchaseAt: '2025-01-02T00:00:00.000Z' },
      position: '3',
    });
  });

  it("returns the very same state for another contact's event or a type it does not fold", () => {
    const state = evolveCustomer360(undefined, registered);
    const other = event({
      type: 'DealOpened',
      at: '2025-01-02T00:00:00Z',
      data: { contactId: 'Q', dealId: 'D' },
    });
    const unrelated = event({
      type: 'DealStageAdvanced',
      at: '2025-01-02T00:00:00Z',
      data: { contactId: 'P', dealId: 'D', stage: 'x', previousStage: 'y' },
    });
    expect(evolveCustomer360(state, other)).toBe(state);
    expect(evolveCustomer360(state, unrelated)).toBe(state);
    expect(evolveCustomer360(undefined, unrelated)).toBeUndefined();
  });

  it('counts a deal without a contact nowhere', () => {
    const state = evolveCustomer360(undefined, registered);
    const anonymous = event({
      type: 'DealOpened',
      at: '2025-01-02T00:00:00Z',
      data: { dealId: 'D' },
    });
    expect(evolveCustomer360(state, anonymous)).toBe(state);
  });
});
