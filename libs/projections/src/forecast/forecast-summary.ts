import { openDealFigures, placeDeal } from '../pipeline/deal-figures';
import type { DealDocument } from '../pipeline/deal-document';
import type { Placement, SummaryAlgebra } from '../shared/day-summaries';
import { monthOf } from '../shared/month-window';
import { addAmounts } from '../shared/percentiles';

/** Open deals of one expected close month (or of none). */
export interface OpenFigures {
  count: number;
  amount: number;
  /** Σ amount × probability; a deal without a probability adds nothing. */
  weightedAmount: number;
}

/** Deals won in one month. */
export interface WonFigures {
  count: number;
  revenue: number;
}

/** What a set of deals adds to the forecast; every part is a sum, so summaries add up. */
export interface ForecastSummary {
  deals: number;
  /** Open deals by the month (`YYYY-MM`) of their latest expected close date. */
  open: Record<string, OpenFigures>;
  noCloseDate: OpenFigures;
  /** Won deals by the UTC month of their DealWon. */
  won: Record<string, WonFigures>;
  /** Deals per currency, so the view can list the currencies its sums mix. */
  currencies: Record<string, number>;
}

/** The filters a summary slice can stand for; each is also a deal field. */
export const FORECAST_SLICE_FILTERS = ['ownerId', 'teamId'] as const;

const noFigures = (): OpenFigures => ({ count: 0, amount: 0, weightedAmount: 0 });

function addOpen(into: OpenFigures, figures: OpenFigures, sign: 1 | -1): void {
  into.count += sign * figures.count;
  into.amount = addAmounts(into.amount, sign * figures.amount);
  into.weightedAmount = addAmounts(into.weightedAmount, sign * figures.weightedAmount);
}

/** Adds `sign` × each keyed entry, dropping entries that fall back to no deal. */
function addKeyed<T extends { count: number }>(
  into: Record<string, T>,
  from: Record<string, T>,
  sign: 1 | -1,
  empty: () => T,
  add: (into: T, figures: T, sign: 1 | -1) => void,
): void {
  for (const [key, figures] of Object.entries(from)) {
    const target = (into[key] ??= empty());
    add(target, figures, sign);
    if (target.count === 0) delete into[key];
  }
}

export const forecastAlgebra: SummaryAlgebra<ForecastSummary> = {
  empty: () => ({ deals: 0, open: {}, noCloseDate: noFigures(), won: {}, currencies: {} }),
  add(into, contribution, sign) {
    into.deals += sign * contribution.deals;
    addKeyed(into.open, contribution.open, sign, noFigures, addOpen);
    addOpen(into.noCloseDate, contribution.noCloseDate, sign);
    addKeyed(
      into.won,
      contribution.won,
      sign,
      () => ({ count: 0, revenue: 0 }),
      (target, figures, s) => {
        target.count += s * figures.count;
        target.revenue = addAmounts(target.revenue, s * figures.revenue);
      },
    );
    for (const [currency, deals] of Object.entries(contribution.currencies)) {
      into.currencies[currency] = (into.currencies[currency] ?? 0) + sign * deals;
      if (into.currencies[currency] === 0) delete into.currencies[currency];
    }
  },
  isEmpty: (summary) => summary.deals === 0,
};

/**
 * One deal's contribution as it stood at `at` (UTC ISO; absent = as it stands now): open until
 * its close (counted at its amount while open, before a win replaced it), then won in the month
 * of its win, or nothing once lost. A deal opened after `at` is the caller's to leave out.
 */
export function forecastContribution(deal: DealDocument, at?: string): ForecastSummary {
  const summary = forecastAlgebra.empty();
  summary.deals = 1;
  if (deal.currency !== null) summary.currencies[deal.currency] = 1;
  const closed = deal.closedAt !== null && (at === undefined || deal.closedAt <= at);
  if (!closed) {
    const amount = deal.openAmount;
    const figures = openDealFigures(amount, deal.probability);
    if (deal.expectedCloseMonth === null) summary.noCloseDate = figures;
    else summary.open[deal.expectedCloseMonth] = figures;
  } else if (deal.status === 'won') {
    summary.won[monthOf(deal.closedAt!)] = { count: 1, revenue: deal.amount };
  }
  return summary;
}

/** Where a deal counts: its opening day, in the all-deals slice and one per filter value. */
export function forecastPlacement(
  deal: DealDocument | undefined,
): Placement<ForecastSummary> | undefined {
  return placeDeal(deal, FORECAST_SLICE_FILTERS, (opened) => forecastContribution(opened));
}
