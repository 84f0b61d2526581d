import { type EventOf } from '../shared/decider';
import { orderStreamId } from '../shared/stream-ids';
import { defineContactRecord, recordStreamModel } from '../contacts/contact-records';

export type OrderItem = { sku: string; quantity: number; unitPrice: number };

export interface RecordPurchase {
  orderId: string;
  contactId: string;
  items: OrderItem[];
  currency: string;
  channel: string;
}

export type PurchaseRecordedData = {
  orderId: string;
  contactId: string;
  items: OrderItem[];
  currency: string;
  channel: string;
  /** Sum of quantity × unitPrice, so every view agrees on the order's value. */
  total: number;
};

export type OrderEvent = EventOf<'PurchaseRecorded', PurchaseRecordedData>;

export const orderStreamModel = recordStreamModel<PurchaseRecordedData>('PurchaseRecorded');

export const recordPurchase = defineContactRecord({
  commandType: 'RecordPurchase',
  eventType: 'PurchaseRecorded',
  describe: (payload: RecordPurchase) => `Order ${payload.orderId}`,
  streamId: (payload) => orderStreamId(payload.orderId),
  toData: ({ orderId, contactId, items, currency, channel }): PurchaseRecordedData => ({
    orderId,
    contactId,
    items: items.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice })),
    currency,
    channel,
    total: orderTotal(items),
  }),
  derivedKeys: ['total'],
});

/** Rounded to millionths to shed binary float noise (0.1 + 0.2) without assuming 2 decimals. */
export function orderTotal(items: readonly OrderItem[]): number {
  const total = items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
  return Math.round(total * 1e6) / 1e6;
}
