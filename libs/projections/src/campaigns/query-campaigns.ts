import type { DocumentQuery, ReadStore } from '@chronicle/read-store';
import { TOUCH_KINDS } from '@chronicle/domain';
import { ladderRankOf } from '../shared/ladder';
import { ratioOrNull } from '../shared/percentiles';
import { asDocument, type CampaignDocument } from './campaign-documents';

/** The attribution models the campaigns view knows; `first_touch` is the default. */
export const ATTRIBUTION_MODELS = ['first_touch'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

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

/** Physical names of the `campaigns` projection's collection the view reads. */
export interface CampaignsCollections {
  campaigns: string;
}

/** One launched campaign, or undefined when no campaign with this id was launched. */
export async function queryCampaign(
  readStore: ReadStore,
  collections: CampaignsCollections,
  campaignId: string,
  position: string,
): Promise<CampaignView | undefined> {
  const stored = await readStore.get(collections.campaigns, campaignId);
  const campaign = stored && asDocument<CampaignDocument>(stored);
  if (!campaign?.launched) return undefined;
  return { ...campaignFigures(campaign), position };
}

/** The launched campaigns whose `startsAt` falls in [from, to) (each bound optional). */
export async function queryCampaigns(
  readStore: ReadStore,
  collections: CampaignsCollections,
  window: { from?: string; to?: string },
  position: string,
): Promise<CampaignListView> {
  const campaigns = await findLaunchedCampaigns(readStore, collections.campaigns, window);
  return { campaigns: campaigns.map(campaignFigures), position };
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

/** The view's figures from the counters; `leads … customers` count ranks at or past each stage. */
export function campaignFigures(campaign: CampaignDocument): CampaignFigures {
  const atLeast = (rank: number): number =>
    campaign.attributedByRank.slice(rank).reduce((sum, count) => sum + count, 0);
  const customers = atLeast(ladderRankOf('customer'));
  const { budget, revenue } = campaign;
  return {
    campaignId: campaign._id,
    name: campaign.name,
    channel: campaign.channel,
    status: campaign.status,
    budget,
    currency: campaign.currency,
    startsAt: campaign.startsAt,
    endsAt: campaign.endsAt,
    model: 'first_touch',
    touches: Object.fromEntries(TOUCH_KINDS.map((kind) => [kind, campaign.touches[kind] ?? 0])),
    reached: campaign.reached,
    leads: atLeast(ladderRankOf('lead')),
    mqls: atLeast(ladderRankOf('marketingqualifiedlead')),
    sqls: atLeast(ladderRankOf('salesqualifiedlead')),
    opportunities: atLeast(ladderRankOf('opportunity')),
    customers,
    dealsWon: campaign.dealsWon,
    revenue,
    conversionRate: ratioOrNull(customers, campaign.reached),
    costPerAcquisition: ratioOrNull(budget, customers),
    roi: ratioOrNull(revenue - budget, budget),
  };
}
