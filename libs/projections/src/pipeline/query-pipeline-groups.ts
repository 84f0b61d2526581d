import {
  type DaySummaryDocument,
  hasDaySummaries,
  siblingCollection,
} from '../shared/day-summaries';
import type { TimeRange } from '../shared/day-window';
import { planEntityScan } from '../shared/entity-scan';
import { planMonthWindow, wholeMonthsCondition } from '../shared/month-window';
import { ratioOrNull } from '../shared/percentiles';
import type { DealDocument } from './deal-document';
import {
  groupAlgebra,
  groupContribution,
  groupKeyOf,
  groupSlicesCondition,
  type GroupSummary,
  PIPELINE_GROUP_FIELDS,
  type PipelineGroupBy,
} from './pipeline-groups';
import { PIPELINE_MONTHS } from './pipeline-projection';
import type { PipelineFilters, PipelineReadModel } from './query-pipeline';

/** One group of a pipeline breakdown: the totals' figures for the deals of one value. */
export interface PipelineGroup {
  /** The value at opening; null for the deals opened without one. */
  key: string | null;
  open: { count: number; amount: number; weightedAmount: number };
  won: number;
  lost: number;
  winRate: number | null;
  revenue: number;
  averageDaysToClose: number | null;
}

const SECONDS_PER_DAY = 86_400;
const FILTERS = ['ownerId', 'teamId', 'channel', 'product'] as const;

/**
 * The cohort of `filters` broken down by `groupBy`, sorted by revenue (highest first), then key
 * (the null group after every named one). Without a filter, whole months come from the month
 * summaries (one per group and month) and the rest of the window from the deals; with filters,
 * from the deals the first filter's index finds.
 */
export async function queryPipelineGroups(
  model: PipelineReadModel,
  filters: PipelineFilters,
  groupBy: PipelineGroupBy,
): Promise<PipelineGroup[]> {
  const groups = new Map<string | null, GroupSummary>();
  const months = model.months ?? siblingCollection(model.deals, PIPELINE_MONTHS);
  const filtered = FILTERS.some((filter) => filters[filter] !== undefined);
  if (filtered || !(await hasDaySummaries(model.readStore, months))) {
    await addDeals(model, filters, groupBy, groups);
    return groupsView(groups);
  }
  const plan = planMonthWindow(filters);
  if (plan.wholeMonths) {
    const field = PIPELINE_GROUP_FIELDS[groupBy];
    const day = wholeMonthsCondition(plan.wholeMonths);
    const query = { slice: groupSlicesCondition(field), ...(day && { day }) };
    for (const document of await model.readStore.find(months, query)) {
      const { slice, summary } = document as DaySummaryDocument<GroupSummary>;
      groupAlgebra.add(groupOf(groups, groupKeyOf(field, slice)), summary, 1);
    }
  }
  for (const edge of plan.edges) await addDeals(model, edge, groupBy, groups);
  return groupsView(groups);
}

/** The same breakdown from the deals alone: the reference the month summaries must agree with. */
export async function queryPipelineGroupsByDeals(
  model: PipelineReadModel,
  filters: PipelineFilters,
  groupBy: PipelineGroupBy,
): Promise<PipelineGroup[]> {
  const groups = new Map<string | null, GroupSummary>();
  await addDeals(model, filters, groupBy, groups);
  return groupsView(groups);
}

/** The breakdown of these deals (each as it stood when asked about) by `groupBy`. */
export function groupDeals(
  deals: Iterable<DealDocument>,
  groupBy: PipelineGroupBy,
): PipelineGroup[] {
  const groups = new Map<string | null, GroupSummary>();
  const field = PIPELINE_GROUP_FIELDS[groupBy];
  for (const deal of deals)
    groupAlgebra.add(groupOf(groups, deal[field]), groupContribution(deal), 1);
  return groupsView(groups);
}

async function addDeals(
  model: PipelineReadModel,
  filters: PipelineFilters & TimeRange,
  groupBy: PipelineGroupBy,
  groups: Map<string | null, GroupSummary>,
): Promise<void> {
  const scan = planEntityScan('openedAt', filters, [
    ['ownerId', filters.ownerId],
    ['product', filters.product],
    ['teamId', filters.teamId],
    ['channel', filters.channel],
  ]);
  const field = PIPELINE_GROUP_FIELDS[groupBy];
  for (const document of await model.readStore.find(model.deals, scan.query)) {
    if (!scan.matches(document)) continue;
    const deal = document as DealDocument;
    groupAlgebra.add(groupOf(groups, deal[field]), groupContribution(deal), 1);
  }
}

function groupOf(groups: Map<string | null, GroupSummary>, key: string | null): GroupSummary {
  let group = groups.get(key);
  if (!group) {
    group = groupAlgebra.empty();
    groups.set(key, group);
  }
  return group;
}

function groupsView(groups: Map<string | null, GroupSummary>): PipelineGroup[] {
  return [...groups]
    .filter(([, summary]) => !groupAlgebra.isEmpty(summary))
    .map(([key, summary]) => groupView(key, summary))
    .sort(byRevenueThenKey);
}

function groupView(key: string | null, summary: GroupSummary): PipelineGroup {
  const { won, lost } = summary;
  return {
    key,
    open: { ...summary.open },
    won,
    lost,
    winRate: ratioOrNull(won, won + lost),
    revenue: summary.revenue,
    averageDaysToClose: ratioOrNull(summary.closedSeconds / SECONDS_PER_DAY, won + lost),
  };
}

function byRevenueThenKey(a: PipelineGroup, b: PipelineGroup): number {
  if (a.revenue !== b.revenue) return b.revenue - a.revenue;
  if (a.key === b.key) return 0;
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  return a.key < b.key ? -1 : 1;
}
