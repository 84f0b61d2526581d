import type { ReadStore } from '@chronicle/read-store';
import type { DealLookupDocument } from './deal-lookup';
import { equalities, findLookupPage, type LookupPage, type LookupPageRequest } from './lookup-page';

/** `GET /views/deals/{dealId}`, and each item of `GET /views/deals`. */
export interface DealView {
  dealId: string;
  contactId: string | null;
  name: string | null;
  stage: string;
  status: 'open' | 'won' | 'lost';
  amount: number;
  currency: string | null;
  probability: number | null;
  ownerId: string | null;
  teamId: string | null;
  channel: string | null;
  product: string | null;
  campaignId: string | null;
  openedAt: string;
  closedAt: string | null;
  revision: number;
  position: string;
}

export interface DealListFilters {
  contactId?: string;
  status?: string;
  ownerId?: string;
}

export async function queryDeal(
  readStore: ReadStore,
  collection: string,
  dealId: string,
  position: string,
): Promise<DealView | undefined> {
  const document = await readStore.get(collection, dealId);
  return document && toDealView(document as DealLookupDocument, position);
}

/** Deals in deal id order, filtered by contact, status and owner. */
export async function queryDeals(
  readStore: ReadStore,
  collection: string,
  filters: DealListFilters,
  page: LookupPageRequest & { position: string },
): Promise<LookupPage<DealView>> {
  const found = await findLookupPage(
    readStore,
    collection,
    'dealId',
    equalities({ ...filters }),
    page,
  );
  const items = found.items.map((document) =>
    toDealView(document as DealLookupDocument, page.position),
  );
  return { items, lastId: found.lastId };
}

function toDealView(deal: DealLookupDocument, position: string): DealView {
  return {
    dealId: deal.dealId,
    contactId: deal.contactId,
    name: deal.name,
    stage: deal.stage,
    status: deal.status,
    amount: deal.amount,
    currency: deal.currency,
    probability: deal.probability,
    ownerId: deal.ownerId,
    teamId: deal.teamId,
    channel: deal.channel,
    product: deal.product,
    campaignId: deal.campaignId,
    openedAt: deal.openedAt,
    closedAt: deal.closedAt,
    revision: deal.revision,
    position,
  };
}
