import { contactRegistered } from '../testing/fixtures';
import { given } from '../testing/given';
import { orderTotal } from './order';

const contact = { 'contact-C1': [contactRegistered('C1')] };
const purchase = {
  orderId: 'O1',
  contactId: 'C1',
  items: [
    { sku: 'A', quantity: 3, unitPrice: 0.1 },
    { sku: 'B', quantity: 1, unitPrice: 0.2 },
  ],
  currency: 'EUR',
  channel: 'online',
};
const recorded = { type: 'PurchaseRecorded', data: { ...purchase, total: 0.5 } } as const;

describe('RecordPurchase', () => {
  it('records the order with its total', () => {
    given(contact).when('RecordPurchase', purchase).thenEmits([recorded]);
  });

  it('is NOT_FOUND for an unknown contact', () => {
    given()
      .when('RecordPurchase', purchase)
      .thenFails('NOT_FOUND', /Contact C1/);
  });

  it('refuses an erased contact', () => {
    given({
      'contact-C1': [
        contactRegistered('C1'),
        {
          type: 'ContactPersonalDataErased',
          data: { contactId: 'C1', reason: 'x', erasedSubjects: ['C1'] },
        },
      ],
    })
      .when('RecordPurchase', purchase)
      .thenFails('RULE_VIOLATED', /erased/);
  });

  it('treats the same order again as a repeat and a different one as ALREADY_EXISTS', () => {
    const history = { ...contact, 'order-O1': [recorded] };
    given(history).when('RecordPurchase', purchase).thenEmits([]);
    given(history)
      .when('RecordPurchase', { ...purchase, items: [{ sku: 'A', quantity: 1, unitPrice: 1 }] })
      .thenFails('ALREADY_EXISTS', /Order O1/);
  });
});

describe('orderTotal', () => {
  it('sheds binary float noise', () => {
    expect(orderTotal(purchase.items)).toBe(0.5);
    expect(orderTotal([{ sku: 'K', quantity: 3, unitPrice: 1.005 }])).toBe(3.015);
  });
});
