import type { RecordedEvent } from '@chronicle/event-store';
import type { UnitOfWork } from '../runtime/projection';
import { stringField } from '../shared/event-fields';
import { type DealDocument, evolveDeal } from './deal-document';

/** A deal before and after one event; `before` is undefined when the event opened it. */
export interface DealChange {
  before: DealDocument | undefined;
  after: DealDocument;
}

/**
 * Applies a deal event to the deal's document in `collection` and puts it; answers the change,
 * or undefined when the event changes nothing (a repeated DealOpened, an event of an unknown
 * deal, anything after the deal closed). The pipeline and the forecast keep the same documents
 * this way, each with summaries of its own.
 */
export async function applyDealEvent(
  event: RecordedEvent,
  work: UnitOfWork,
  collection: string,
): Promise<DealChange | undefined> {
  const dealId = stringField(event.data, 'dealId');
  if (dealId === undefined) return undefined;
  const existing = (await work.get(collection, dealId)) as DealDocument | undefined;
  const next = evolveDeal(existing, event);
  if (next === undefined || next === existing) return undefined;
  work.put(collection, next);
  return { before: existing, after: next };
}
