import type { RecordedEvent } from '@chronicle/event-store';
import type { ReadDocument } from '@chronicle/read-store';
import type { Projection, UnitOfWork } from '../runtime/projection';
import type { Customer360State } from './customer-360-state';
import {
  CUSTOMER_360_EVENT_TYPES,
  customer360SubjectOf,
  evolveCustomer360,
} from './evolve-customer-360';

/** Logical collection: one document per contact, `_id` = contactId, the rest the folded state. */
export const CUSTOMERS = 'customers';

/**
 * `customer-360`: stores evolveCustomer360's state per contact, so the view is one `get` by id
 * (no index needed) plus the decryption of a handful of fields. Every event it reads names its
 * contact, so apply touches exactly one document.
 */
export const customer360Projection: Projection = {
  name: 'customer-360',
  version: 2,
  collections: [CUSTOMERS],
  indexes: [],
  filter: { eventTypePrefixes: [...CUSTOMER_360_EVENT_TYPES] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    const contactId = customer360SubjectOf(event);
    if (contactId === undefined) return;
    const stored = await work.get(CUSTOMERS, contactId);
    const before = stored && customer360StateOf(stored);
    const after = evolveCustomer360(before, event);
    if (after && after !== before) work.put(CUSTOMERS, { _id: contactId, ...after });
  },
};

/** The folded state inside a stored document. */
export function customer360StateOf(document: ReadDocument): Customer360State {
  const { _id: _contactId, ...state } = document;
  return state as Customer360State;
}
