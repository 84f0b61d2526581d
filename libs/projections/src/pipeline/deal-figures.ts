import { ALL_SLICE, dayOf, type Placement, sliceOf } from '../shared/day-summaries';
import { addAmounts } from '../shared/percentiles';
import type { DealDocument } from './deal-document';

/** What one open deal adds to a count of open deals. */
export interface OpenDealFigures {
  count: number;
  amount: number;
  /** Σ amount × probability; a deal without a probability adds nothing. */
  weightedAmount: number;
}

/** What a closed deal adds to the won, lost, revenue and time-to-close sums. */
export interface ClosedDealSums {
  won: number;
  lost: number;
  revenue: number;
  /** Σ business-time seconds from opening to closing over won and lost deals. */
  closedSeconds: number;
}

/** One open deal of this amount and probability. */
export function openDealFigures(amount: number, probability: number | null): OpenDealFigures {
  return { count: 1, amount, weightedAmount: addAmounts(0, amount * (probability ?? 0)) };
}

/** Adds a won or lost deal to `summary`'s closed sums. */
export function addClosedDeal(summary: ClosedDealSums, deal: DealDocument): void {
  if (deal.status === 'won') {
    summary.won = 1;
    summary.revenue = deal.amount;
  } else {
    summary.lost = 1;
  }
  summary.closedSeconds = deal.secondsToClose ?? 0;
}

/** The deal fields, fixed at opening, that day-summary projections keep slices for. */
export type DealSliceFilter = 'ownerId' | 'teamId' | 'channel' | 'product';

/**
 * Where a deal counts in a day-summary projection: its opening day, in the all-deals slice and
 * one slice per value it has of `filters`.
 */
export function placeDeal<S>(
  deal: DealDocument | undefined,
  filters: readonly DealSliceFilter[],
  contribution: (deal: DealDocument) => S,
): Placement<S> | undefined {
  if (!deal) return undefined;
  const slices = [ALL_SLICE];
  for (const filter of filters) {
    const value = deal[filter];
    if (value !== null) slices.push(sliceOf(filter, value));
  }
  return { day: dayOf(deal.openedAt), slices, contribution: contribution(deal) };
}
