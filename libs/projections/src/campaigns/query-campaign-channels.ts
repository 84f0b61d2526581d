import type { ReadStore } from '@chronicle/read-store';
import { addAmounts, ratioOrNull } from '../shared/percentiles';
import { roundCredit } from './attribution-models';
import type { AttributionModel } from './attribution-models';
import {
  type AttributionQuestion,
  asOfCampaign,
  type CampaignEntities,
  FIRST_TOUCH_NOW,
  isFirstTouchNow,
  tallyCredits,
} from './campaign-credits';
import { asDocument, type CampaignDocument, type ChannelReachDocument } from './campaign-documents';
import { channelReach } from './campaign-reach';
import { campaignFigures, findLaunchedCampaigns } from './query-campaigns';

/** What `groupBy` may name on the campaigns list. */
export const CAMPAIGN_GROUP_BYS = ['channel'] as const;

/** One channel's campaigns taken together. */
export interface CampaignChannel {
  channel: string;
  campaigns: number;
  budget: number;
  /** Distinct contacts touched by any of the channel's campaigns. */
  reached: number;
  customers: number;
  revenue: number;
  conversionRate: number | null;
  roi: number | null;
}

/** `GET /views/campaigns?groupBy=channel`: the launched campaigns by channel, by channel name. */
export interface CampaignChannelsView {
  channels: CampaignChannel[];
  position: string;
}

/** Physical names of the collections the breakdown reads. */
export interface CampaignChannelsCollections extends CampaignEntities {
  channels: string;
}

/**
 * The launched campaigns whose start is in [from, to), by channel: counts and sums of the
 * campaigns' figures under the model. First touch now reads one document per campaign and per
 * channel, the distinct reach coming from the campaigns' own `reached` and the channel's neighbour
 * counts (campaign-reach.ts); any other model or a `validAt` recounts from the contacts
 * (campaign-credits.ts) and counts the reach from the same contacts.
 */
export async function queryCampaignChannels(
  readStore: ReadStore,
  collections: CampaignChannelsCollections,
  window: { from?: string; to?: string },
  position: string,
  question: AttributionQuestion = FIRST_TOUCH_NOW,
): Promise<CampaignChannelsView> {
  const launched = await findLaunchedCampaigns(readStore, collections.campaigns, window);
  if (isFirstTouchNow(question)) {
    const byChannel = groupByChannel(launched);
    const names = [...byChannel.keys()].sort();
    const reaches = await channelReaches(readStore, collections.channels, names);
    const channels = names.map((channel) => {
      const campaigns = byChannel.get(channel)!;
      const reached = channelReach(campaigns, reaches.get(channel));
      return channelFigures(channel, campaigns, reached, question.model);
    });
    return { channels, position };
  }
  const tally = await tallyCredits(readStore, collections, question);
  const asOf = launched.flatMap(
    (campaign) => asOfCampaign(campaign, tally, question.validAt) ?? [],
  );
  const byChannel = groupByChannel(asOf);
  const channels = [...byChannel.keys()].sort().map((channel) => {
    const campaigns = byChannel.get(channel)!;
    const ids = new Set(campaigns.map((campaign) => campaign._id));
    const reached = tally.touchedBy.filter((touched) => [...touched].some((id) => ids.has(id)));
    return channelFigures(channel, campaigns, reached.length, question.model);
  });
  return { channels, position };
}

function groupByChannel(campaigns: readonly CampaignDocument[]): Map<string, CampaignDocument[]> {
  const byChannel = new Map<string, CampaignDocument[]>();
  for (const campaign of campaigns) {
    // A launched campaign always names its channel.
    if (campaign.channel === null) continue;
    const members = byChannel.get(campaign.channel) ?? [];
    members.push(campaign);
    byChannel.set(campaign.channel, members);
  }
  return byChannel;
}

async function channelReaches(
  readStore: ReadStore,
  collection: string,
  names: readonly string[],
): Promise<Map<string, ChannelReachDocument>> {
  const documents = await readStore.getMany(collection, names);
  return new Map(
    documents.map((document) => {
      const reach = asDocument<ChannelReachDocument>(document);
      return [reach._id, reach] as const;
    }),
  );
}

function channelFigures(
  channel: string,
  campaigns: CampaignDocument[],
  reached: number,
  model: AttributionModel,
): CampaignChannel {
  const figures = campaigns.map((campaign) => campaignFigures(campaign, model));
  const sum = (pick: (campaign: (typeof figures)[number]) => number) =>
    figures.reduce((total, campaign) => total + pick(campaign), 0);
  const budget = sum((campaign) => campaign.budget);
  const revenue = addAmounts(
    sum((campaign) => campaign.revenue),
    0,
  );
  const customers = roundCredit(sum((campaign) => campaign.customers));
  return {
    channel,
    campaigns: campaigns.length,
    budget,
    reached,
    customers,
    revenue,
    conversionRate: ratioOrNull(customers, reached),
    roi: ratioOrNull(revenue - budget, budget),
  };
}
