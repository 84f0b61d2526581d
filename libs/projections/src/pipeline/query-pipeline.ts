import type { ReadStore } from '@chronicle/read-store';
import { summarizeCohort } from '../shared/cohort-summary';
import { siblingCollection } from '../shared/day-summaries';
import { planEntityScan } from '../shared/entity-scan';
import { ratioOrNull } from '../shared/percentiles';
import type { DealDocument } from './deal-document';
import type { PipelineGroupBy } from './pipeline-groups';
import { PIPELINE_DAYS } from './pipeline-projection';
import {
  pipelineAlgebra,
  pipelineContribution,
  PIPELINE_SLICE_FILTERS,
  type PipelineSummary,
} from './pipeline-summary';
import { type PipelineGroup, queryPipelineGroups } from './query-pipeline-groups';

/** Narrows the cohort of `GET /views/pipeline`; every field is optional. */
export interface PipelineFilters {
  /** Inclusive lower bound of `openedAt` (UTC ISO). */
  from?: string;
  /** Exclusive upper bound of `openedAt` (UTC ISO). */
  to?: string;
  ownerId?: string;
  teamId?: string;
  channel?: string;
  product?: string;
}

/** The open deals now in one stage. */
export interface PipelineStage {
  stage: string;
  count: number;
  amount: number;
  /** Σ amount × probability; a deal without a probability adds nothing. */
  weightedAmount: number;
}

/** The answer of `GET /views/pipeline` (docs/views-*.md), plus `currencies`. */
export interface PipelineView {
  stages: PipelineStage[];
  won: number;
  lost: number;
  winRate: number | null;
  revenue: number;
  averageDaysToClose: number | null;
  /**
   * The distinct currencies of the cohort's deals. v1 sums amounts as plain numbers, assuming one
   * currency; more than one here says the sums mix currencies (narrow the cohort to compare).
   */
  currencies: string[];
  /** With `groupBy`: the same figures per value at opening (docs/views-service-sales.md). */
  groups?: PipelineGroup[];
  position: string;
}

/** Where the query reads: the read store, the physical `deals` collection and its position. */
export interface PipelineReadModel {
  readStore: ReadStore;
  deals: string;
  /** The physical `days` collection; default: the sibling of `deals` in its generation. */
  days?: string;
  /** The physical `months` collection; default: the sibling of `deals` in its generation. */
  months?: string;
  /** The physical `histories` collection; default: the sibling of `deals` in its generation. */
  histories?: string;
  /** The projection's checkpoint, read before the documents so they are at least this recent. */
  position: string;
}

const SECONDS_PER_DAY = 86_400;

/**
 * `GET /views/pipeline`: the deals opened in [from, to). Open deals are grouped by their current
 * stage (stages sorted by name: stage names are free text with no order of their own); won and
 * lost deals give the win rate, the revenue (won amounts, as WinDeal settled them) and the
 * average business-time days from opening to closing. Reads the day summaries of the cohort's
 * whole days (one slice: all deals, or the one filter given) plus the deals of its partial edge
 * days; with two or more filters, the deals alone (an indexed find).
 */
export async function queryPipeline(
  model: PipelineReadModel,
  filters: PipelineFilters,
  groupBy?: PipelineGroupBy,
): Promise<PipelineView> {
  const view = pipelineView(await cohortSummary(model, filters), model.position);
  if (groupBy === undefined) return view;
  const groups = await queryPipelineGroups(model, filters, groupBy);
  // `position` stays last, as in every view.
  const { position, ...figures } = view;
  return { ...figures, groups, position };
}

/** The same answer from the deals alone: the reference the day summaries must agree with. */
export async function queryPipelineByDeals(
  model: PipelineReadModel,
  filters: PipelineFilters,
): Promise<PipelineView> {
  const summary = pipelineAlgebra.empty();
  await addDeals(model, filters, summary);
  return pipelineView(summary, model.position);
}

function cohortSummary(
  model: PipelineReadModel,
  filters: PipelineFilters,
): Promise<PipelineSummary> {
  return summarizeCohort(
    {
      readStore: model.readStore,
      days: model.days ?? siblingCollection(model.deals, PIPELINE_DAYS),
      algebra: pipelineAlgebra,
      sliceFilters: PIPELINE_SLICE_FILTERS,
      addEntities: (cohort, into) => addDeals(model, cohort, into),
    },
    filters,
  );
}

async function addDeals(
  model: PipelineReadModel,
  filters: PipelineFilters,
  into: PipelineSummary,
): Promise<void> {
  const scan = planEntityScan('openedAt', filters, [
    // Owners and products are many, teams and channels few: the likeliest narrowest goes first.
    ['ownerId', filters.ownerId],
    ['product', filters.product],
    ['teamId', filters.teamId],
    ['channel', filters.channel],
  ]);
  for (const document of await model.readStore.find(model.deals, scan.query)) {
    if (scan.matches(document)) {
      pipelineAlgebra.add(into, pipelineContribution(document as DealDocument), 1);
    }
  }
}

/** The view of a cohort's summary, live or as of a business moment. */
export function pipelineView(summary: PipelineSummary, position: string): PipelineView {
  const { won, lost } = summary;
  return {
    stages: Object.entries(summary.stages)
      .map(([stage, figures]) => ({ stage, ...figures }))
      .sort((a, b) => a.stage.localeCompare(b.stage)),
    won,
    lost,
    winRate: ratioOrNull(won, won + lost),
    revenue: summary.revenue,
    averageDaysToClose: ratioOrNull(summary.closedSeconds / SECONDS_PER_DAY, won + lost),
    currencies: Object.keys(summary.currencies).sort(),
    position,
  };
}
