import { dealsAsOf } from '../pipeline/deal-history';
import { siblingCollection } from '../shared/day-summaries';
import { FORECAST_HISTORIES, forecastProjection } from './forecast-projection';
import { forecastAlgebra, forecastContribution } from './forecast-summary';
import {
  type ForecastFilters,
  type ForecastReadModel,
  type ForecastView,
  forecastView,
} from './query-forecast';

/**
 * `GET /views/forecast?validAt`: the forecast as it stood at `validAt` (UTC ISO, inclusive). The
 * deals opened in [from, to) and by `validAt`, each folded from its facts up to then in
 * business-time order with the live fold: those open then by the month of the latest expected
 * close date known then, those won by then by the month of their win. Reads every deal history
 * of the cohort (the summaries hold deals as they stand now).
 */
export async function queryForecastAsOf(
  model: ForecastReadModel,
  filters: ForecastFilters,
  validAt: string,
): Promise<ForecastView> {
  const histories = model.histories ?? siblingCollection(model.deals, FORECAST_HISTORIES);
  const summary = forecastAlgebra.empty();
  const collections = { projection: forecastProjection.name, deals: model.deals, histories };
  for (const deal of await dealsAsOf(model.readStore, collections, filters, validAt)) {
    forecastAlgebra.add(summary, forecastContribution(deal, validAt), 1);
  }
  return forecastView(summary, model.position);
}
