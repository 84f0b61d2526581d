import type { Placement, SummaryAlgebra } from '../shared/day-summaries';
import { addAmounts } from '../shared/percentiles';
import { addClosedDeal, openDealFigures, placeDeal } from './deal-figures';
import type { DealDocument } from './deal-document';

/** The open deals of one stage, as the view shows them. */
export interface StageSummary {
  count: number;
  amount: number;
  weightedAmount: number;
}

/** What a set of deals adds to the pipeline view; every part is a sum, so summaries add up. */
export interface PipelineSummary {
  deals: number;
  /** Open deals by current stage. */
  stages: Record<string, StageSummary>;
  won: number;
  lost: number;
  revenue: number;
  /** Σ business-time seconds from opening to closing over won and lost deals. */
  closedSeconds: number;
  /** Deals per currency, so the view can list the currencies its sums mix. */
  currencies: Record<string, number>;
}

/** The filters a summary slice can stand for; each is also a deal field. */
export const PIPELINE_SLICE_FILTERS = ['ownerId', 'teamId', 'channel', 'product'] as const;

export const pipelineAlgebra: SummaryAlgebra<PipelineSummary> = {
  empty: () => ({
    deals: 0,
    stages: {},
    won: 0,
    lost: 0,
    revenue: 0,
    closedSeconds: 0,
    currencies: {},
  }),
  add(into, contribution, sign) {
    into.deals += sign * contribution.deals;
    into.won += sign * contribution.won;
    into.lost += sign * contribution.lost;
    into.revenue = addAmounts(into.revenue, sign * contribution.revenue);
    into.closedSeconds = addAmounts(into.closedSeconds, sign * contribution.closedSeconds);
    for (const [name, stage] of Object.entries(contribution.stages)) {
      const target = (into.stages[name] ??= { count: 0, amount: 0, weightedAmount: 0 });
      target.count += sign * stage.count;
      target.amount = addAmounts(target.amount, sign * stage.amount);
      target.weightedAmount = addAmounts(target.weightedAmount, sign * stage.weightedAmount);
      if (target.count === 0) delete into.stages[name];
    }
    for (const [currency, deals] of Object.entries(contribution.currencies)) {
      into.currencies[currency] = (into.currencies[currency] ?? 0) + sign * deals;
      if (into.currencies[currency] === 0) delete into.currencies[currency];
    }
  },
  isEmpty: (summary) => summary.deals === 0,
};

/** One deal's contribution: to its stage while open, to won or lost once closed. */
export function pipelineContribution(deal: DealDocument): PipelineSummary {
  const summary = pipelineAlgebra.empty();
  summary.deals = 1;
  if (deal.currency !== null) summary.currencies[deal.currency] = 1;
  if (deal.status === 'open')
    summary.stages[deal.stage] = openDealFigures(deal.amount, deal.probability);
  else addClosedDeal(summary, deal);
  return summary;
}

/** Where a deal counts: its opening day, in the all-deals slice and one per filter value. */
export function pipelinePlacement(
  deal: DealDocument | undefined,
): Placement<PipelineSummary> | undefined {
  return placeDeal(deal, PIPELINE_SLICE_FILTERS, pipelineContribution);
}
