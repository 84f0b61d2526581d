import type { ReadStore } from '@chronicle/read-store';
import { ratioOrNull } from '../shared/percentiles';
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
export interface CampaignChannelsCollections {
  campaigns: string;
  channels: string;
}

/**
 * The launched campaigns whose start is in [from, to), by channel: counts and sums of the
 * campaigns' figures under first-touch attribution, and the distinct reach from the campaigns'
 * own `reached` and the channel's neighbour counts (campaign-reach.ts), so it reads one document
 * per campaign and per channel whatever the number of contacts.
 */
export async function queryCampaignChannels(
  readStore: ReadStore,
  collections: CampaignChannelsCollections,
  window: { from?: string; to?: string },
  position: string,
): Promise<CampaignChannelsView> {
  const byChannel = new Map<string, CampaignDocument[]>();
  for (const campaign of await findLaunchedCampaigns(readStore, collections.campaigns, window)) {
    // A launched campaign always names its channel.
    if (campaign.channel === null) continue;
    const campaigns = byChannel.get(campaign.channel) ?? [];
    campaigns.push(campaign);
    byChannel.set(campaign.channel, campaigns);
  }
  const names = [...byChannel.keys()].sort();
  const reachDocuments = await readStore.getMany(collections.channels, names);
  const reaches = new Map(
    reachDocuments.map((document) => {
      const reach = asDocument<ChannelReachDocument>(document);
      return [reach._id, reach] as const;
    }),
  );
  return {
    channels: names.map((channel) =>
      channelFigures(channel, byChannel.get(channel)!, reaches.get(channel)),
    ),
    position,
  };
}

function channelFigures(
  channel: string,
  campaigns: CampaignDocument[],
  reach: ChannelReachDocument | undefined,
): CampaignChannel {
  const figures = campaigns.map(campaignFigures);
  const sum = (pick: (campaign: (typeof figures)[number]) => number) =>
    figures.reduce((total, campaign) => total + pick(campaign), 0);
  const budget = sum((campaign) => campaign.budget);
  const revenue = sum((campaign) => campaign.revenue);
  const customers = sum((campaign) => campaign.customers);
  const reached = channelReach(campaigns, reach);
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
