import type { FieldOperators } from '@chronicle/read-store';
import type { Placement, SummaryAlgebra } from '../shared/day-summaries';
import { monthOf } from '../shared/month-window';
import { addAmounts } from '../shared/percentiles';
import { addClosedDeal, openDealFigures } from './deal-figures';
import type { DealDocument } from './deal-document';
import type { StageSummary } from './pipeline-summary';

/** What `groupBy` may name, and the deal field (fixed at opening) each one groups on. */
export const PIPELINE_GROUP_FIELDS = {
  owner: 'ownerId',
  team: 'teamId',
  channel: 'channel',
  product: 'product',
} as const;
export type PipelineGroupBy = keyof typeof PIPELINE_GROUP_FIELDS;
export const PIPELINE_GROUP_BYS = Object.keys(PIPELINE_GROUP_FIELDS) as PipelineGroupBy[];
type GroupField = (typeof PIPELINE_GROUP_FIELDS)[PipelineGroupBy];

/** What a set of deals adds to one group; every part is a sum, so summaries add up. */
export interface GroupSummary {
  deals: number;
  open: StageSummary;
  won: number;
  lost: number;
  revenue: number;
  /** Σ business-time seconds from opening to closing over won and lost deals. */
  closedSeconds: number;
}

export const groupAlgebra: SummaryAlgebra<GroupSummary> = {
  empty: () => ({
    deals: 0,
    open: { count: 0, amount: 0, weightedAmount: 0 },
    won: 0,
    lost: 0,
    revenue: 0,
    closedSeconds: 0,
  }),
  add(into, contribution, sign) {
    into.deals += sign * contribution.deals;
    into.open.count += sign * contribution.open.count;
    into.open.amount = addAmounts(into.open.amount, sign * contribution.open.amount);
    into.open.weightedAmount = addAmounts(
      into.open.weightedAmount,
      sign * contribution.open.weightedAmount,
    );
    into.won += sign * contribution.won;
    into.lost += sign * contribution.lost;
    into.revenue = addAmounts(into.revenue, sign * contribution.revenue);
    into.closedSeconds = addAmounts(into.closedSeconds, sign * contribution.closedSeconds);
  },
  isEmpty: (summary) => summary.deals === 0,
};

/** One deal's contribution to its group, by the rules of the pipeline's totals. */
export function groupContribution(deal: DealDocument): GroupSummary {
  const summary = groupAlgebra.empty();
  summary.deals = 1;
  if (deal.status === 'open') summary.open = openDealFigures(deal.amount, deal.probability);
  else addClosedDeal(summary, deal);
  return summary;
}

/**
 * The month summary slice of one group: `<field>` for the deals without a value, `<field>:<value>`
 * otherwise, so one range on `slice` reads every group of a field and nothing else.
 */
export function groupSlice(field: GroupField, key: string | null): string {
  return key === null ? field : `${field}:${key}`;
}

/** The group key a slice stands for (the inverse of {@link groupSlice}). */
export function groupKeyOf(field: GroupField, slice: string): string | null {
  return slice === field ? null : slice.slice(field.length + 1);
}

/** The slices of every group of `field`: `field` itself and `field:…`, as a `slice` condition. */
export function groupSlicesCondition(field: GroupField): FieldOperators {
  // ';' follows ':' in every collation the adapters use, and no field name extends another.
  return { $gte: field, $lt: `${field};` };
}

/** Where a deal counts in the month summaries: its opening month, one group per field. */
export function groupPlacement(
  deal: DealDocument | undefined,
): Placement<GroupSummary> | undefined {
  if (!deal) return undefined;
  const slices = Object.values(PIPELINE_GROUP_FIELDS).map((field) =>
    groupSlice(field, deal[field]),
  );
  return { day: monthOf(deal.openedAt), slices, contribution: groupContribution(deal) };
}
