import type { RecordedEvent } from '@chronicle/event-store';
import { applyDealEvent } from '../pipeline/deal-changes';
import { recordDealFact } from '../pipeline/deal-history';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { DAY_SUMMARY_INDEX_FIELDS, moveContribution } from '../shared/day-summaries';
import { forecastAlgebra, forecastPlacement } from './forecast-summary';

/** Logical collection: one document per deal (the pipeline's DealDocument), keyed by dealId. */
export const FORECAST_DEALS = 'deals';
/** Logical collection of the day summaries of the deals by opening day (shared/day-summaries). */
export const FORECAST_DAYS = 'days';
/** Logical collection of each deal's facts in business-time order, for `validAt` (deal-history). */
export const FORECAST_HISTORIES = 'histories';

/**
 * Feeds `GET /views/forecast`: the deals as the pipeline keeps them, with day summaries by opening
 * day (overall, per owner, per team) of the open deals by expected close month and the won ones by
 * the month of their win, as each deal stands now. A view judged at an earlier time corrects the
 * deals closed after it, found through the `closedAt` index.
 *
 * Version 2 added the deal histories (each deal's facts in business-time order, with its cohort
 * and filter keys), which answer the forecast as of a business moment (`validAt`).
 */
export const forecastProjection: Projection = {
  name: 'forecast',
  version: 2,
  collections: [FORECAST_DEALS, FORECAST_DAYS, FORECAST_HISTORIES],
  indexes: [
    { collection: FORECAST_DEALS, fields: ['openedAt'] },
    { collection: FORECAST_DEALS, fields: ['ownerId', 'openedAt'] },
    { collection: FORECAST_DEALS, fields: ['teamId', 'openedAt'] },
    { collection: FORECAST_DEALS, fields: ['closedAt'] },
    { collection: FORECAST_DAYS, fields: DAY_SUMMARY_INDEX_FIELDS },
    { collection: FORECAST_HISTORIES, fields: ['openedAt'] },
    { collection: FORECAST_HISTORIES, fields: ['ownerId', 'openedAt'] },
    { collection: FORECAST_HISTORIES, fields: ['teamId', 'openedAt'] },
  ],
  filter: { eventTypePrefixes: ['Deal'] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    await recordDealFact(event, work, FORECAST_HISTORIES);
    const change = await applyDealEvent(event, work, FORECAST_DEALS);
    if (!change) return;
    const move = [forecastPlacement(change.before), forecastPlacement(change.after)] as const;
    await moveContribution(work, FORECAST_DAYS, forecastAlgebra, ...move);
  },
};
