import type { ReadStore } from '@chronicle/read-store';
import { customer360StateOf } from './customer-360-projection';
import {
  type Customer360View,
  type PersonalDataOpener,
  toCustomer360View,
} from './customer-360-view';

/**
 * One contact's 360 from the `customer-360` projection (physical collection name in
 * `collection`), or undefined when no contact with this id was registered. A merged-away contact
 * answers its own history with `mergedInto` naming the survivor.
 */
export async function queryCustomer360(
  readStore: ReadStore,
  collection: string,
  contactId: string,
  context: { position: string; now: Date; cipher: PersonalDataOpener },
): Promise<Customer360View | undefined> {
  const stored = await readStore.get(collection, contactId);
  const state = stored && customer360StateOf(stored);
  if (!state?.registered) return undefined;
  return toCustomer360View(state, context);
}
