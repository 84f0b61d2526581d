import type { RecordedEvent } from '@chronicle/event-store';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { DAY_SUMMARY_INDEX_FIELDS, moveContribution } from '../shared/day-summaries';
import { applyDealEvent } from './deal-changes';
import { recordDealFact } from './deal-history';
import { groupAlgebra, groupPlacement } from './pipeline-groups';
import { pipelineAlgebra, pipelinePlacement } from './pipeline-summary';

/** Logical collection: one document per deal, keyed by dealId. */
export const PIPELINE_DEALS = 'deals';
/** Logical collection of the day summaries of the deals by opening day (shared/day-summaries). */
export const PIPELINE_DAYS = 'days';
/** Logical collection of the month summaries of the deals by opening month, one per group. */
export const PIPELINE_MONTHS = 'months';
/** Logical collection of each deal's facts in business-time order, for `validAt` (deal-history). */
export const PIPELINE_HISTORIES = 'histories';

// The cohort range alone, and each equality filter followed by it, as on the deals.
const DEAL_HISTORY_INDEXES = [
  ['openedAt'],
  ['ownerId', 'openedAt'],
  ['teamId', 'openedAt'],
  ['channel', 'openedAt'],
  ['product', 'openedAt'],
];

/**
 * Feeds `GET /views/pipeline`. Each deal document carries its cohort key (`openedAt`), its filter
 * keys, its current stage, probability and amount, and its time to close, fixed when it closes;
 * the view is one indexed range `find` plus a single pass that groups open deals by stage and
 * sums the closed ones. Counters kept per stage could not honour the free `from`/`to` window.
 *
 * Indexes: the cohort range alone, and each equality filter followed by the range.
 *
 * Version 2 added day summaries (PipelineSummary by opening day, overall and per owner, team,
 * channel and product), so a cohort reads at most one summary per day plus its partial edge days.
 * Version 3 added month summaries per group of each `groupBy` field (deals without a value form
 * their own group), so a breakdown reads one summary per group and whole month; deal documents
 * also keep the open amount and expected close month (the shape the forecast shares).
 * Version 4 added the deal histories (each deal's facts in business-time order, with its cohort
 * and filter keys), which answer the pipeline as of a business moment (`validAt`).
 */
export const pipelineProjection: Projection = {
  name: 'pipeline',
  version: 4,
  collections: [PIPELINE_DEALS, PIPELINE_DAYS, PIPELINE_MONTHS, PIPELINE_HISTORIES],
  indexes: [
    { collection: PIPELINE_DEALS, fields: ['openedAt'] },
    { collection: PIPELINE_DEALS, fields: ['ownerId', 'openedAt'] },
    { collection: PIPELINE_DEALS, fields: ['teamId', 'openedAt'] },
    { collection: PIPELINE_DEALS, fields: ['channel', 'openedAt'] },
    { collection: PIPELINE_DEALS, fields: ['product', 'openedAt'] },
    { collection: PIPELINE_DAYS, fields: DAY_SUMMARY_INDEX_FIELDS },
    { collection: PIPELINE_MONTHS, fields: DAY_SUMMARY_INDEX_FIELDS },
    ...DEAL_HISTORY_INDEXES.map((fields) => ({ collection: PIPELINE_HISTORIES, fields })),
  ],
  filter: { eventTypePrefixes: ['Deal'] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    await recordDealFact(event, work, PIPELINE_HISTORIES);
    const change = await applyDealEvent(event, work, PIPELINE_DEALS);
    if (!change) return;
    const move = [pipelinePlacement(change.before), pipelinePlacement(change.after)] as const;
    await moveContribution(work, PIPELINE_DAYS, pipelineAlgebra, ...move);
    const groups = [groupPlacement(change.before), groupPlacement(change.after)] as const;
    await moveContribution(work, PIPELINE_MONTHS, groupAlgebra, ...groups);
  },
};
