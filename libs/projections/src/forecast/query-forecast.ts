import type { ReadStore } from '@chronicle/read-store';
import type { DealDocument } from '../pipeline/deal-document';
import { summarizeCohort } from '../shared/cohort-summary';
import { siblingCollection } from '../shared/day-summaries';
import { planEntityScan } from '../shared/entity-scan';
import { FORECAST_DAYS } from './forecast-projection';
import {
  forecastAlgebra,
  forecastContribution,
  FORECAST_SLICE_FILTERS,
  type ForecastSummary,
  type OpenFigures,
  type WonFigures,
} from './forecast-summary';

/** Narrows the cohort of `GET /views/forecast`; every field is optional. */
export interface ForecastFilters {
  /** Inclusive lower bound of `openedAt` (UTC ISO). */
  from?: string;
  /** Exclusive upper bound of `openedAt` (UTC ISO). */
  to?: string;
  ownerId?: string;
  teamId?: string;
}

export interface ForecastMonth {
  month: string;
  open: OpenFigures;
  won: WonFigures;
}

/** The answer of `GET /views/forecast`, plus `currencies` as the pipeline has it. */
export interface ForecastView {
  months: ForecastMonth[];
  noCloseDate: OpenFigures;
  currencies: string[];
  position: string;
}

/** Where the query reads: the read store, the physical `deals` collection and its position. */
export interface ForecastReadModel {
  readStore: ReadStore;
  deals: string;
  /** The physical `days` collection; default: the sibling of `deals` in its generation. */
  days?: string;
  /** The physical `histories` collection; default: the sibling of `deals` in its generation. */
  histories?: string;
  position: string;
}

/**
 * `GET /views/forecast` at `at` (UTC ISO; the views' clock, later `validAt`): the deals opened in
 * [from, to) and by `at` — those open at `at` by expected close month, those won by then by the
 * month of their win. Reads the day summaries (deals as they stand now) and corrects the few
 * deals closed after `at`, which were still open then.
 */
export async function queryForecast(
  model: ForecastReadModel,
  filters: ForecastFilters,
  at: string,
): Promise<ForecastView> {
  const cohort = openedBy(filters, at);
  const summary = await summarizeCohort(
    {
      readStore: model.readStore,
      days: model.days ?? siblingCollection(model.deals, FORECAST_DAYS),
      algebra: forecastAlgebra,
      sliceFilters: FORECAST_SLICE_FILTERS,
      addEntities: (window, into) => addDeals(model, window, into),
    },
    cohort,
  );
  const closedLater = await model.readStore.find(model.deals, { closedAt: { $gt: at } });
  for (const document of closedLater) {
    const deal = document as DealDocument;
    if (!inCohort(deal, cohort)) continue;
    forecastAlgebra.add(summary, forecastContribution(deal), -1);
    forecastAlgebra.add(summary, forecastContribution(deal, at), 1);
  }
  return forecastView(summary, model.position);
}

/** The same answer from the deals alone: the reference the summaries must agree with. */
export async function queryForecastByDeals(
  model: ForecastReadModel,
  filters: ForecastFilters,
  at: string,
): Promise<ForecastView> {
  const summary = forecastAlgebra.empty();
  const cohort = openedBy(filters, at);
  for (const document of await model.readStore.find(model.deals, {})) {
    const deal = document as DealDocument;
    if (inCohort(deal, cohort)) forecastAlgebra.add(summary, forecastContribution(deal, at), 1);
  }
  return forecastView(summary, model.position);
}

/** The window cut at `at`: a deal opened after it did not exist yet (`at` itself counts). */
function openedBy(filters: ForecastFilters, at: string): ForecastFilters {
  const justAfter = new Date(Date.parse(at) + 1).toISOString();
  const to = filters.to === undefined || filters.to > justAfter ? justAfter : filters.to;
  return { ...filters, to };
}

function inCohort(deal: DealDocument, filters: ForecastFilters): boolean {
  return (
    (filters.from === undefined || deal.openedAt >= filters.from) &&
    (filters.to === undefined || deal.openedAt < filters.to) &&
    (filters.ownerId === undefined || deal.ownerId === filters.ownerId) &&
    (filters.teamId === undefined || deal.teamId === filters.teamId)
  );
}

async function addDeals(
  model: ForecastReadModel,
  filters: ForecastFilters,
  into: ForecastSummary,
): Promise<void> {
  const scan = planEntityScan('openedAt', filters, [
    // Owners are many, teams few: the likelier narrower first.
    ['ownerId', filters.ownerId],
    ['teamId', filters.teamId],
  ]);
  for (const document of await model.readStore.find(model.deals, scan.query)) {
    if (scan.matches(document)) {
      forecastAlgebra.add(into, forecastContribution(document as DealDocument), 1);
    }
  }
}

/** The view of a cohort's summary, live or as of a business moment. */
export function forecastView(summary: ForecastSummary, position: string): ForecastView {
  const months = [...new Set([...Object.keys(summary.open), ...Object.keys(summary.won)])].sort();
  return {
    months: months.map((month) => ({
      month,
      open: summary.open[month] ?? { count: 0, amount: 0, weightedAmount: 0 },
      won: summary.won[month] ?? { count: 0, revenue: 0 },
    })),
    noCloseDate: summary.noCloseDate,
    currencies: Object.keys(summary.currencies).sort(),
    position,
  };
}
