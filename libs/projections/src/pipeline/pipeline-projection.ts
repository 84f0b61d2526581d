import type { RecordedEvent } from '@chronicle/event-store';
import type { Projection, UnitOfWork } from '../runtime/projection';
import { DAY_SUMMARY_INDEX_FIELDS, moveContribution } from '../shared/day-summaries';
import { stringField } from '../shared/event-fields';
import { evolveDealDocument, openedDeal, type DealDocument } from './deal-document';
import { groupAlgebra, groupPlacement } from './pipeline-groups';
import { pipelineAlgebra, pipelinePlacement } from './pipeline-summary';

/** Logical collection: one document per deal, keyed by dealId. */
export const PIPELINE_DEALS = 'deals';
/** Logical collection of the day summaries of the deals by opening day (shared/day-summaries). */
export const PIPELINE_DAYS = 'days';
/** Logical collection of the month summaries of the deals by opening month, one per group. */
export const PIPELINE_MONTHS = 'months';

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
 */
export const pipelineProjection: Projection = {
  name: 'pipeline',
  version: 3,
  collections: [PIPELINE_DEALS, PIPELINE_DAYS, PIPELINE_MONTHS],
  indexes: [
    { collection: PIPELINE_DEALS, fields: ['openedAt'] },
    { collection: PIPELINE_DEALS, fields: ['ownerId', 'openedAt'] },
    { collection: PIPELINE_DEALS, fields: ['teamId', 'openedAt'] },
    { collection: PIPELINE_DEALS, fields: ['channel', 'openedAt'] },
    { collection: PIPELINE_DEALS, fields: ['product', 'openedAt'] },
    { collection: PIPELINE_DAYS, fields: DAY_SUMMARY_INDEX_FIELDS },
    { collection: PIPELINE_MONTHS, fields: DAY_SUMMARY_INDEX_FIELDS },
  ],
  filter: { eventTypePrefixes: ['Deal'] },
  async apply(event: RecordedEvent, work: UnitOfWork): Promise<void> {
    const dealId = stringField(event.data, 'dealId');
    if (dealId === undefined) return;
    const existing = (await work.get(PIPELINE_DEALS, dealId)) as DealDocument | undefined;
    if (event.type === 'DealOpened') {
      // A repeated OpenDeal appends nothing; a second DealOpened would not reset the deal.
      const opened = existing ? undefined : openedDeal(event);
      if (opened) await store(work, undefined, opened);
      return;
    }
    if (!existing) return;
    const next = evolveDealDocument(existing, event);
    if (next !== existing) await store(work, existing, next);
  },
};

async function store(
  work: UnitOfWork,
  before: DealDocument | undefined,
  after: DealDocument,
): Promise<void> {
  work.put(PIPELINE_DEALS, after);
  const move = [pipelinePlacement(before), pipelinePlacement(after)] as const;
  await moveContribution(work, PIPELINE_DAYS, pipelineAlgebra, ...move);
  const groups = [groupPlacement(before), groupPlacement(after)] as const;
  await moveContribution(work, PIPELINE_MONTHS, groupAlgebra, ...groups);
}
