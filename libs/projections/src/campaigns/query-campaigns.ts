import type { DocumentQuery, ReadStore } from '@chronicle/read-store';
import { TOUCH_KINDS } from '@chronicle/domain';
import { ladderRankOf } from '../shared/ladder';
import { addAmounts, ratioOrNull } from '../shared/percentiles';
import { type AttributionModel, roundCredit } from './attribution-models';
import { asDocument, type CampaignDocument } from './campaign-documents';
import {
  type AttributionQuestion,
  asOfCampaign,
  type CampaignEntities,
  FIRST_TOUCH_NOW,
  isFirstTouchNow,
  tallyCredits,
} from './campaign-credits';

export { ATTRIBUTION_MODELS, type AttributionModel } from './attribution-models';
export type { AttributionQuestion } from './campaign-credits';

/** One campaign's figures (docs/views-*.md), without the answer's `position`. */
export interface CampaignFigures {
  campaignId: string;
  name: string | null;
  channel: string | null;
  status: 'active' | 'completed';
  budget: number;
  currency: string | null;
  startsAt: string | null;
  endsAt: string | null;
  model: AttributionModel;
  touches: Record<string, number>;
  reached: number;
  leads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  customers: number;
  dealsWon: number;
  revenue: number;
  conversionRate: number | null;
  costPerAcquisition: number | null;
  roi: number | null;
}

export type CampaignView = CampaignFigures & { position: string };

/** `GET /views/campaigns`: the launched campaigns, by start then id. */
export interface CampaignListView {
  campaigns: CampaignFigures[];
  position: string;
}

/** Physical names of the `campaigns` projection's collections the view reads. */
export type CampaignsCollections = CampaignEntities;

/**
 * One campaign launched (by `validAt`, if given), or undefined. First touch now reads the
 * campaign's counters; any other model or moment recounts from the contacts (campaign-credits.ts).
 */
export async function queryCampaign(
  readStore: ReadStore,
  collections: CampaignsCollections,
  campaignId: string,
  position: string,
  question: AttributionQuestion = FIRST_TOUCH_NOW,
): Promise<CampaignView | undefined> {
  const stored = await readStore.get(collections.campaigns, campaignId);
  const campaign = stored && asDocument<CampaignDocument>(stored);
  if (!campaign?.launched) return undefined;
  if (isFirstTouchNow(question)) return { ...campaignFigures(campaign), position };
  const tally = await tallyCredits(readStore, collections, question, campaignId);
  const asOf = asOfCampaign(campaign, tally, question.validAt);
  return asOf && { ...campaignFigures(asOf, question.model), position };
}

/** The campaigns launched (by `validAt`, if given) whose `startsAt` is in [from, to). */
export async function queryCampaigns(
  readStore: ReadStore,
  collections: CampaignsCollections,
  window: { from?: string; to?: string },
  position: string,
  question: AttributionQuestion = FIRST_TOUCH_NOW,
): Promise<CampaignListView> {
  const campaigns = await findCampaignsAsAsked(readStore, collections, window, question);
  return {
    campaigns: campaigns.map((campaign) => campaignFigures(campaign, question.model)),
    position,
  };
}

/**
 * The campaigns of a window of starts, by start then id, with their figures under the question:
 * the counters for first touch now, else recounted and as they stood at `validAt`.
 */
export async function findCampaignsAsAsked(
  readStore: ReadStore,
  collections: CampaignsCollections,
  window: { from?: string; to?: string },
  question: AttributionQuestion,
): Promise<CampaignDocument[]> {
  const launched = await findLaunchedCampaigns(readStore, collections.campaigns, window);
  if (isFirstTouchNow(question)) return launched;
  const tally = await tallyCredits(readStore, collections, question);
  return launched.flatMap((campaign) => asOfCampaign(campaign, tally, question.validAt) ?? []);
}

/** The launched campaigns of a window of starts, by start then id. */
export async function findLaunchedCampaigns(
  readStore: ReadStore,
  collection: string,
  window: { from?: string; to?: string },
): Promise<CampaignDocument[]> {
  const startsAt = {
    ...(window.from !== undefined && { $gte: window.from }),
    ...(window.to !== undefined && { $lt: window.to }),
  };
  const query: DocumentQuery = {
    launched: true,
    ...(Object.keys(startsAt).length > 0 && { startsAt }),
  };
  const documents = await readStore.find(collection, query, { sort: { startsAt: 1, _id: 1 } });
  return documents.map((document) => asDocument<CampaignDocument>(document));
}

/**
 * The view's figures from the counters; `leads … customers` sum the credit of ranks at or past
 * each stage. Credit sums are rounded to 1e-9 and revenue to millionths, so float noise never
 * shows and equal inputs answer equal JSON; first touch's whole counts are left as they are.
 */
export function campaignFigures(
  campaign: CampaignDocument,
  model: AttributionModel = 'first_touch',
): CampaignFigures {
  const atLeast = (rank: number): number =>
    roundCredit(campaign.attributedByRank.slice(rank).reduce((sum, count) => sum + count, 0));
  const customers = atLeast(ladderRankOf('customer'));
  const { budget } = campaign;
  const revenue = addAmounts(campaign.revenue, 0);
  return {
    campaignId: campaign._id,
    name: campaign.name,
    channel: campaign.channel,
    status: campaign.status,
    budget,
    currency: campaign.currency,
    startsAt: campaign.startsAt,
    endsAt: campaign.endsAt,
    model,
    touches: Object.fromEntries(TOUCH_KINDS.map((kind) => [kind, campaign.touches[kind] ?? 0])),
    reached: campaign.reached,
    leads: atLeast(ladderRankOf('lead')),
    mqls: atLeast(ladderRankOf('marketingqualifiedlead')),
    sqls: atLeast(ladderRankOf('salesqualifiedlead')),
    opportunities: atLeast(ladderRankOf('opportunity')),
    customers,
    dealsWon: roundCredit(campaign.dealsWon),
    revenue,
    conversionRate: ratioOrNull(customers, campaign.reached),
    costPerAcquisition: ratioOrNull(budget, customers),
    roi: ratioOrNull(revenue - budget, budget),
  };
}
