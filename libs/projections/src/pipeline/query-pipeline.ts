import type { DocumentQuery, ReadStore } from '@chronicle/read-store';
import { addAmounts, ratioOrNull } from '../shared/percentiles';
import type { DealDocument } from './deal-document';

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

/** The answer of `GET /views/pipeline` (CONTRACT §3), plus `currencies`. */
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
  position: string;
}

/** Where the query reads: the read store, the physical `deals` collection and its position. */
export interface PipelineReadModel {
  readStore: ReadStore;
  deals: string;
  /** The projection's checkpoint, read before the documents so they are at least this recent. */
  position: string;
}

const SECONDS_PER_DAY = 86_400;

/** The read-store query for the cohort: the range on `openedAt` plus the indexed equalities. */
export function pipelineCohortQuery(filters: PipelineFilters): DocumentQuery {
  const openedAt: Record<string, string> = {};
  if (filters.from !== undefined) openedAt.$gte = filters.from;
  if (filters.to !== undefined) openedAt.$lt = filters.to;
  const { ownerId, teamId, channel, product } = filters;
  return {
    ...(Object.keys(openedAt).length > 0 && { openedAt }),
    ...(ownerId !== undefined && { ownerId }),
    ...(teamId !== undefined && { teamId }),
    ...(channel !== undefined && { channel }),
    ...(product !== undefined && { product }),
  };
}

/**
 * `GET /views/pipeline`: the deals opened in [from, to). Open deals are grouped by their current
 * stage (stages sorted by name: stage names are free text with no order of their own); won and
 * lost deals give the win rate, the revenue (won amounts, as WinDeal settled them) and the
 * average business-time days from opening to closing.
 */
export async function queryPipeline(
  model: PipelineReadModel,
  filters: PipelineFilters,
): Promise<PipelineView> {
  const documents = await model.readStore.find(model.deals, pipelineCohortQuery(filters));
  const stages = new Map<string, PipelineStage>();
  const currencies = new Set<string>();
  let won = 0;
  let lost = 0;
  let revenue = 0;
  let closedSeconds = 0;
  for (const document of documents) {
    const deal = document as DealDocument;
    if (deal.currency !== null) currencies.add(deal.currency);
    if (deal.status === 'open') {
      addToStage(stages, deal);
      continue;
    }
    if (deal.status === 'won') {
      won += 1;
      revenue = addAmounts(revenue, deal.amount);
    } else {
      lost += 1;
    }
    closedSeconds += deal.secondsToClose ?? 0;
  }
  const closedDays = closedSeconds / SECONDS_PER_DAY;
  return {
    stages: [...stages.values()].sort((a, b) => a.stage.localeCompare(b.stage)),
    won,
    lost,
    winRate: ratioOrNull(won, won + lost),
    revenue,
    averageDaysToClose: ratioOrNull(closedDays, won + lost),
    currencies: [...currencies].sort(),
    position: model.position,
  };
}

function addToStage(stages: Map<string, PipelineStage>, deal: DealDocument): void {
  let stage = stages.get(deal.stage);
  if (!stage) {
    stage = { stage: deal.stage, count: 0, amount: 0, weightedAmount: 0 };
    stages.set(deal.stage, stage);
  }
  stage.count += 1;
  stage.amount = addAmounts(stage.amount, deal.amount);
  stage.weightedAmount = addAmounts(stage.weightedAmount, deal.amount * (deal.probability ?? 0));
}
