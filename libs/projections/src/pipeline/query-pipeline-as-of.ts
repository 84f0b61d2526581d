import { siblingCollection } from '../shared/day-summaries';
import { dealsAsOf } from './deal-history';
import type { PipelineGroupBy } from './pipeline-groups';
import { PIPELINE_HISTORIES, pipelineProjection } from './pipeline-projection';
import { pipelineAlgebra, pipelineContribution } from './pipeline-summary';
import {
  type PipelineFilters,
  type PipelineReadModel,
  type PipelineView,
  pipelineView,
} from './query-pipeline';
import { groupDeals } from './query-pipeline-groups';

/**
 * `GET /views/pipeline?validAt`: the pipeline as it stood at `validAt` (UTC ISO, inclusive). The
 * deals opened in [from, to) and by `validAt`, each folded from its facts up to then in
 * business-time order with the live fold, so stage, amount, probability and status (a deal won
 * later was still open) are those of that moment, and `averageDaysToClose` covers the deals
 * closed by then. The summaries hold deals as they stand now, so this reads every deal history
 * of the cohort: its cost grows with the cohort, not with the days it spans.
 */
export async function queryPipelineAsOf(
  model: PipelineReadModel,
  filters: PipelineFilters,
  validAt: string,
  groupBy?: PipelineGroupBy,
): Promise<PipelineView> {
  const histories = model.histories ?? siblingCollection(model.deals, PIPELINE_HISTORIES);
  const collections = { projection: pipelineProjection.name, deals: model.deals, histories };
  const deals = await dealsAsOf(model.readStore, collections, filters, validAt);
  const summary = pipelineAlgebra.empty();
  for (const deal of deals) pipelineAlgebra.add(summary, pipelineContribution(deal), 1);
  const { position, ...figures } = pipelineView(summary, model.position);
  if (groupBy === undefined) return { ...figures, position };
  // `position` stays last, as in every view.
  return { ...figures, groups: groupDeals(deals, groupBy), position };
}
