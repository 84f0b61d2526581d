import type { RecordedEvent } from '@chronicle/event-store';
import type { ReadStore } from '@chronicle/read-store';
import { projectEvents } from '../../shared/testing/project-events';
import { FORECAST_DEALS, forecastProjection } from '../forecast-projection';
import type { ForecastReadModel } from '../query-forecast';

/** Applies `events` to the forecast projection and answers where its query reads. */
export async function projectForecast(
  readStore: ReadStore,
  events: readonly RecordedEvent[],
): Promise<ForecastReadModel> {
  const projected = await projectEvents(readStore, forecastProjection, events);
  return { readStore, deals: projected.collection(FORECAST_DEALS), position: projected.position };
}
