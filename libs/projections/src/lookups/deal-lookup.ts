import type { RecordedEvent } from '@chronicle/event-store';
import { evolveDealDocument, openedDeal, type DealDocument } from '../pipeline/deal-document';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { projectedEvent } from '../shared/projected-event';

/** Logical collection: one document per deal, keyed by dealId. */
export const LOOKUP_DEALS = 'deals';

/**
 * A deal as `GET /views/deals` answers it: the pipeline's deal fold (one source for what a stage
 * change or a win does) plus what identifies the deal to a service, and the stream's revision.
 */
export type DealLookupDocument = DealDocument & {
  contactId: string | null;
  name: string | null;
  campaignId: string | null;
  revision: number;
};

const DEAL_STREAM = 'deal-';

/** `deal-lookup`: every event of every deal stream, indexed for the list's filters. */
export const dealLookupProjection: Projection = {
  name: 'deal-lookup',
  version: 1,
  collections: [LOOKUP_DEALS],
  indexes: [
    { collection: LOOKUP_DEALS, fields: ['dealId'] },
    { collection: LOOKUP_DEALS, fields: ['contactId', 'dealId'] },
    { collection: LOOKUP_DEALS, fields: ['status', 'dealId'] },
    { collection: LOOKUP_DEALS, fields: ['ownerId', 'dealId'] },
  ],
  filter: { streamPrefixes: [DEAL_STREAM] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    if (!event.streamId.startsWith(DEAL_STREAM)) return;
    const dealId = event.streamId.slice(DEAL_STREAM.length);
    const existing = (await work.get(LOOKUP_DEALS, dealId)) as DealLookupDocument | undefined;
    const next = existing ? evolved(existing, event) : opened(event);
    if (next) work.put(LOOKUP_DEALS, { ...next, revision: event.revision });
  },
};

const DEAL_OPENED = new Set(['DealOpened'] as const);

function opened(event: RecordedEvent): DealLookupDocument | undefined {
  const opening = projectedEvent(event, DEAL_OPENED);
  const deal = opening && openedDeal(event);
  if (!opening || !deal) return undefined;
  const { data } = opening;
  return {
    ...deal,
    contactId: data.contactId ?? null,
    name: data.name,
    campaignId: data.campaignId ?? null,
    revision: event.revision,
  };
}

function evolved(deal: DealLookupDocument, event: RecordedEvent): DealLookupDocument {
  // A repeated OpenDeal appends nothing; a second DealOpened would not reset the deal.
  if (event.type === 'DealOpened') return deal;
  return { ...deal, ...evolveDealDocument(deal, event) };
}
