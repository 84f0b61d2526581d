import type { JsonObject } from '@chronicle/event-store';
import { type EventLike, numberField, occurredAtOf, stringField } from '../shared/event-fields';
import { normalisedUtcIso } from '../shared/utc-iso';

/**
 * One deal as the pipeline view needs it. The filter keys come from DealOpened (v1 has no command
 * that moves a deal to another owner, team, channel or product); absent ones are null so indexed
 * equality filters behave alike on every read-store adapter.
 */
export type DealDocument = {
  _id: string;
  dealId: string;
  status: 'open' | 'won' | 'lost';
  openedAt: string;
  ownerId: string | null;
  teamId: string | null;
  channel: string | null;
  product: string | null;
  currency: string | null;
  /** The current stage while open; the last open stage once won or lost. */
  stage: string;
  /** The latest probability given (DealOpened or DealStageAdvanced); null when never given. */
  probability: number | null;
  /** The deal's amount; once won, the amount WinDeal settled on. */
  amount: number;
  /** The amount while the deal was open: a won deal keeps the one its win replaced. */
  openAmount: number;
  /** The latest expected close month (`YYYY-MM`, UTC); null when never given. */
  expectedCloseMonth: string | null;
  /** Business time of DealWon or DealLost. */
  closedAt: string | null;
  /** Business-time seconds from opening to closing, fixed when the deal is won or lost. */
  secondsToClose: number | null;
};

/** The document a DealOpened starts; undefined when the event lacks its id or amount. */
export function openedDeal(event: EventLike): DealDocument | undefined {
  const { data } = event;
  const dealId = stringField(data, 'dealId');
  const amount = numberField(data, 'amount');
  if (dealId === undefined || amount === undefined) return undefined;
  return {
    _id: dealId,
    dealId,
    status: 'open',
    openedAt: occurredAtOf(event),
    ownerId: stringField(data, 'ownerId') ?? null,
    teamId: stringField(data, 'teamId') ?? null,
    channel: stringField(data, 'channel') ?? null,
    product: stringField(data, 'product') ?? null,
    currency: stringField(data, 'currency') ?? null,
    stage: stringField(data, 'stage') ?? '',
    probability: numberField(data, 'probability') ?? null,
    amount,
    openAmount: amount,
    expectedCloseMonth: closeMonthOf(data) ?? null,
    closedAt: null,
    secondsToClose: null,
  };
}

/** The deal after a later event of its stream; the same object when nothing changes. */
export function evolveDealDocument(deal: DealDocument, event: EventLike): DealDocument {
  // The domain refuses every command on a won or lost deal; a stray event changes nothing.
  if (deal.status !== 'open') return deal;
  const { data } = event;
  switch (event.type) {
    case 'DealStageAdvanced':
      return {
        ...deal,
        stage: stringField(data, 'stage') ?? deal.stage,
        probability: numberField(data, 'probability') ?? deal.probability,
        expectedCloseMonth: closeMonthOf(data) ?? deal.expectedCloseMonth,
      };
    case 'DealWon':
      return {
        ...closed(deal, 'won', event),
        amount: numberField(data, 'amount') ?? deal.amount,
      };
    case 'DealLost':
      return closed(deal, 'lost', event);
    default:
      return deal;
  }
}

/**
 * The whole fold of one deal, the same for the live documents (events in recorded order) and the
 * as-of ones (facts in business-time order): the first DealOpened with an amount starts the deal,
 * an event before it changes nothing, and later ones evolve it.
 */
export function evolveDeal(
  deal: DealDocument | undefined,
  event: EventLike,
): DealDocument | undefined {
  // A repeated OpenDeal appends nothing; a second DealOpened would not reset the deal.
  if (event.type === 'DealOpened') return deal ?? openedDeal(event);
  return deal && evolveDealDocument(deal, event);
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The month of the event's `expectedCloseDate`: a calendar day's own month, a date-time's UTC
 * month; undefined when absent or unreadable. Only DealOpened carries one today; a later event
 * that does (a rescheduled close) moves it, so the forecast always uses the latest.
 */
function closeMonthOf(data: JsonObject): string | undefined {
  const value = stringField(data, 'expectedCloseDate');
  if (value === undefined) return undefined;
  if (CALENDAR_DAY.test(value)) return value.slice(0, 7);
  return normalisedUtcIso(value)?.slice(0, 7);
}

function closed(deal: DealDocument, status: 'won' | 'lost', event: EventLike): DealDocument {
  const closedAt = occurredAtOf(event);
  const secondsToClose = Math.max(0, (Date.parse(closedAt) - Date.parse(deal.openedAt)) / 1000);
  return { ...deal, status, closedAt, secondsToClose };
}
