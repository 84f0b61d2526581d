import type { UnitOfWork } from '../runtime/projection';
import { addAmounts } from '../shared/percentiles';
import {
  asDocument,
  type AttributedContact,
  CAMPAIGN_CHANNELS,
  CAMPAIGN_CONTACTS,
  CAMPAIGN_DEALS,
  CAMPAIGNS,
  type CampaignDocument,
  type ChannelReachDocument,
  type DealDocument,
  newCampaign,
} from './campaign-documents';

/**
 * The campaigns projection's documents within one batch, with the one rule that keeps the
 * counters right: a contact's contribution to its campaign is always taken out before anything it
 * depends on changes (attribution, highest stage, merge, won deals) and put back afterwards.
 */
export class CampaignLedger {
  constructor(private readonly work: UnitOfWork) {}

  async campaign(campaignId: string): Promise<CampaignDocument> {
    const stored = await this.work.get(CAMPAIGNS, campaignId);
    return stored ? asDocument<CampaignDocument>(stored) : newCampaign(campaignId);
  }

  async contact(contactId: string): Promise<AttributedContact | undefined> {
    const stored = await this.work.get(CAMPAIGN_CONTACTS, contactId);
    return stored && asDocument<AttributedContact>(stored);
  }

  async channelReach(channel: string): Promise<ChannelReachDocument> {
    const stored = await this.work.get(CAMPAIGN_CHANNELS, channel);
    return stored ? asDocument<ChannelReachDocument>(stored) : { _id: channel, pairs: [] };
  }

  async deal(dealId: string): Promise<DealDocument | undefined> {
    const stored = await this.work.get(CAMPAIGN_DEALS, dealId);
    return stored && asDocument<DealDocument>(stored);
  }

  saveCampaign(campaign: CampaignDocument): void {
    this.work.put(CAMPAIGNS, campaign);
  }

  saveContact(contact: AttributedContact): void {
    this.work.put(CAMPAIGN_CONTACTS, contact);
  }

  saveChannelReach(reach: ChannelReachDocument): void {
    this.work.put(CAMPAIGN_CHANNELS, reach);
  }

  saveDeal(deal: DealDocument): void {
    this.work.put(CAMPAIGN_DEALS, deal);
  }

  /**
   * Changes a contact in a way its campaign's counters depend on: takes the contribution out of
   * the campaign it is attributed to before `change`, and adds it to the (possibly new) campaign
   * after. Saves the contact and the campaigns touched.
   */
  async changeContact(
    contact: AttributedContact,
    change: (contact: AttributedContact) => void,
  ): Promise<void> {
    if (contact.campaignId !== undefined) {
      const before = await this.campaign(contact.campaignId);
      shiftContribution(before, contact, -1);
      this.saveCampaign(before);
    }
    change(contact);
    if (contact.campaignId !== undefined) {
      const after = await this.campaign(contact.campaignId);
      shiftContribution(after, contact, +1);
      this.saveCampaign(after);
    }
    this.saveContact(contact);
  }
}

function shiftContribution(
  campaign: CampaignDocument,
  contact: AttributedContact,
  sign: 1 | -1,
): void {
  const rank = contact.highestRank;
  if (!contact.mergedAway && rank >= 0) {
    campaign.attributedByRank[rank] = (campaign.attributedByRank[rank] ?? 0) + sign;
  }
  campaign.dealsWon += sign * contact.wonDeals;
  campaign.revenue = addAmounts(campaign.revenue, sign * contact.wonRevenue);
}
