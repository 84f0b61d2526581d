import type { RecordedEvent } from '@chronicle/event-store';
import { applyDealEvent } from '../pipeline/deal-changes';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { DAY_SUMMARY_INDEX_FIELDS, moveContribution } from '../shared/day-summaries';
import { forecastAlgebra, forecastPlacement } from './forecast-summary';

/** Logical collection: one document per deal (the pipeline's DealDocument), keyed by dealId. */
export const FORECAST_DEALS = 'deals';
/** Logical collection of the day summaries of the deals by opening day (shared/day-summaries). */
export const FORECAST_DAYS = 'days';

/**
 * Feeds `GET /views/forecast`: the deals as the pipeline keeps them, with day summaries by opening
 * day (overall, per owner, per team) of the open deals by expected close month and the won ones by
 * the month of their win, as each deal stands now. A view judged at an earlier time corrects the
 * deals closed after it, found through the `closedAt` index.
 */
export const forecastProjection: Projection = {
  name: 'forecast',
  version: 1,
  collections: [FORECAST_DEALS, FORECAST_DAYS],
  indexes: [
    { collection: FORECAST_DEALS, fields: ['openedAt'] },
    { collection: FORECAST_DEALS, fields: ['ownerId', 'openedAt'] },
    { collection: FORECAST_DEALS, fields: ['teamId', 'openedAt'] },
    { collection: FORECAST_DEALS, fields: ['closedAt'] },
    { collection: FORECAST_DAYS, fields: DAY_SUMMARY_INDEX_FIELDS },
  ],
  filter: { eventTypePrefixes: ['Deal'] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    const change = await applyDealEvent(event, work, FORECAST_DEALS);
    if (!change) return;
    const move = [forecastPlacement(change.before), forecastPlacement(change.after)] as const;
    await moveContribution(work, FORECAST_DAYS, forecastAlgebra, ...move);
  },
};
