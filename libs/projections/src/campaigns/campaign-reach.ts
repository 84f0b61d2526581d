import type {
  AttributedContact,
  CampaignDocument,
  ChannelReachDocument,
} from './campaign-documents';
import type { CampaignLedger } from './campaign-ledger';

/*
 * The distinct contacts a channel's campaigns reached, for any window of campaign starts, without
 * reading contacts. Order each channel's campaigns by (startsAt, campaignId). The campaigns of a
 * window form a run in that order, and so do, for each contact, the window's campaigns among
 * those that touched it. A run of k campaigns has k − 1 neighbouring pairs, so a contact touched
 * by any of them counts Σ(its campaigns in the window) − Σ(its neighbouring pairs in the window)
 * = 1, and one touched by none counts 0. Summed over contacts:
 *   reach(window) = Σ reached(c) − Σ pairs(c, c′), over campaigns c and neighbours (c, c′) inside it.
 * Each campaign keeps `reached`; the channel's document keeps the pair counts.
 */

/** The key that orders a channel's campaigns: by start, then id (ISO times compare as text). */
export function campaignOrderKey(campaign: Pick<CampaignDocument, '_id' | 'startsAt'>): string {
  return `${campaign.startsAt ?? ''}|${campaign._id}`;
}

function campaignIdOf(orderKey: string): string {
  return orderKey.slice(orderKey.indexOf('|') + 1);
}

/**
 * Records that `campaign` touched `contact` for the first time: places it in the contact's order
 * for the channel and moves the channel's pair counts (the neighbours it now stands between are
 * no longer neighbours). Changes `contact` in place; the caller saves it.
 */
export async function addToChannelReach(
  ledger: CampaignLedger,
  contact: AttributedContact,
  campaign: CampaignDocument,
): Promise<void> {
  const { channel } = campaign;
  // Touches need a launched campaign (the domain refuses others), so the channel is known.
  if (channel === null) return;
  let entry = contact.channelCampaigns.find((candidate) => candidate.channel === channel);
  if (!entry) {
    entry = { channel, campaigns: [] };
    contact.channelCampaigns.push(entry);
  }
  const key = campaignOrderKey(campaign);
  const at = entry.campaigns.findIndex((other) => other > key);
  const index = at < 0 ? entry.campaigns.length : at;
  const before = entry.campaigns[index - 1];
  const after = entry.campaigns[index];
  const reach = await ledger.channelReach(channel);
  if (before !== undefined && after !== undefined) shiftPair(reach, before, after, -1);
  if (before !== undefined) shiftPair(reach, before, key, 1);
  if (after !== undefined) shiftPair(reach, key, after, 1);
  entry.campaigns.splice(index, 0, key);
  ledger.saveChannelReach(reach);
}

function shiftPair(
  reach: ChannelReachDocument,
  firstKey: string,
  nextKey: string,
  sign: 1 | -1,
): void {
  const first = campaignIdOf(firstKey);
  const next = campaignIdOf(nextKey);
  const index = reach.pairs.findIndex((pair) => pair.first === first && pair.next === next);
  if (index < 0) {
    reach.pairs.push({ first, next, contacts: sign });
    return;
  }
  const pair = reach.pairs[index]!;
  pair.contacts += sign;
  if (pair.contacts === 0) reach.pairs.splice(index, 1);
}

/** Distinct contacts reached by `campaigns`, all of one channel and a run in its order. */
export function channelReach(
  campaigns: ReadonlyArray<Pick<CampaignDocument, '_id' | 'reached'>>,
  reach: ChannelReachDocument | undefined,
): number {
  const inRun = new Set(campaigns.map((campaign) => campaign._id));
  let contacts = campaigns.reduce((sum, campaign) => sum + campaign.reached, 0);
  for (const pair of reach?.pairs ?? []) {
    if (inRun.has(pair.first) && inRun.has(pair.next)) contacts -= pair.contacts;
  }
  return contacts;
}
