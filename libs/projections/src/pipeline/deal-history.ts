import type { RecordedEvent } from '@chronicle/event-store';
import { ChronicleError } from '@chronicle/platform';
import type { ReadStore } from '@chronicle/read-store';
import type { UnitOfWork } from '../runtime/projection';
import { type Fact, factAsEvent, factOf, foldAsOf, withFact } from '../shared/business-time';
import type { TimeRange } from '../shared/day-window';
import { planEntityScan } from '../shared/entity-scan';
import { stringField } from '../shared/event-fields';
import { type DealDocument, evolveDeal } from './deal-document';
import type { DealSliceFilter } from './deal-figures';

/**
 * One deal's facts in business-time order, for answers as of a business moment (`validAt`). Kept
 * apart from the live deal document because a deal's facts must be kept whatever the live fold
 * made of them: an event recorded before its deal's DealOpened, or after its close, still counts
 * once the facts are taken in business-time order.
 *
 * The cohort and filter keys are those of the deal folded from all its facts (by business time):
 * they are fixed at opening, so the deal as of any moment has the same ones, or does not exist yet.
 */
export type DealHistoryDocument = {
  _id: string;
  dealId: string;
  facts: Fact[];
  /** Business time of the DealOpened that opens the deal; null while none does. */
  openedAt: string | null;
  ownerId: string | null;
  teamId: string | null;
  channel: string | null;
  product: string | null;
};

// Only the fields `evolveDeal` reads (never the deal's name, free text given by people).
const FACT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  DealOpened: [
    'dealId',
    'amount',
    'currency',
    'stage',
    'probability',
    'expectedCloseDate',
    'ownerId',
    'teamId',
    'channel',
    'product',
  ],
  DealStageAdvanced: ['stage', 'probability', 'expectedCloseDate'],
  DealWon: ['amount'],
  DealLost: [],
};

/** Adds a deal event to its deal's history in `collection` and puts it (other events: nothing). */
export async function recordDealFact(
  event: RecordedEvent,
  work: UnitOfWork,
  collection: string,
): Promise<void> {
  const dealId = stringField(event.data, 'dealId');
  const fields = FACT_FIELDS[event.type];
  if (dealId === undefined || fields === undefined) return;
  const existing = (await work.get(collection, dealId)) as DealHistoryDocument | undefined;
  const facts = withFact(existing?.facts, factOf(event, fields));
  if (existing && facts.length === existing.facts.length) return;
  const deal = facts.reduce<DealDocument | undefined>(
    (folded, fact) => evolveDeal(folded, factAsEvent(fact)),
    undefined,
  );
  work.put(collection, {
    _id: dealId,
    dealId,
    facts,
    openedAt: deal?.openedAt ?? null,
    ownerId: deal?.ownerId ?? null,
    teamId: deal?.teamId ?? null,
    channel: deal?.channel ?? null,
    product: deal?.product ?? null,
  });
}

/** The deal as it stood at `validAt` (UTC ISO, inclusive); undefined when not opened by then. */
export function dealAsOf(history: DealHistoryDocument, validAt: string): DealDocument | undefined {
  return foldAsOf(history.facts, validAt, evolveDeal);
}

/** The cohort of an as-of answer: opened in [from, to) and by `validAt`, with these filter values. */
export type DealCohort = TimeRange & Partial<Record<DealSliceFilter, string>>;

/** The physical collections of one generation an as-of answer reads. */
export interface DealCollections {
  projection: string;
  deals: string;
  histories: string;
}

/**
 * The deals of `cohort` as they stood at `validAt`: an indexed find of their histories (the range,
 * cut just after `validAt`, and the first filter given), each folded up to `validAt`.
 */
export async function dealsAsOf(
  readStore: ReadStore,
  collections: DealCollections,
  cohort: DealCohort,
  validAt: string,
): Promise<DealDocument[]> {
  const { histories } = collections;
  await requireHistories(readStore, collections);
  const justAfter = new Date(Date.parse(validAt) + 1).toISOString();
  const to = cohort.to === undefined || cohort.to > justAfter ? justAfter : cohort.to;
  const scan = planEntityScan('openedAt', { from: cohort.from, to }, [
    // Owners and products are many, teams and channels few: the likeliest narrowest goes first.
    ['ownerId', cohort.ownerId],
    ['product', cohort.product],
    ['teamId', cohort.teamId],
    ['channel', cohort.channel],
  ]);
  const deals: DealDocument[] = [];
  for (const document of await readStore.find(histories, scan.query)) {
    if (!scan.matches(document)) continue;
    // The fold, not the index, says whether the deal was open by then.
    const deal = dealAsOf(document as DealHistoryDocument, validAt);
    if (deal) deals.push(deal);
  }
  return deals;
}

/**
 * Refuses, rather than answers nothing, on a generation filled before the projection kept deal
 * histories: it still serves while its successor builds. In a generation that keeps them, every
 * deal has a history, so deals without any history mean the older kind.
 */
async function requireHistories(readStore: ReadStore, collections: DealCollections): Promise<void> {
  const anyOf = async (collection: string) =>
    (await readStore.find(collection, {}, { limit: 1 })).length > 0;
  if ((await anyOf(collections.histories)) || !(await anyOf(collections.deals))) return;
  throw new ChronicleError(
    'UNAVAILABLE',
    `The ${collections.projection} projection is still rebuilding the deal histories validAt needs; try again later`,
  );
}
