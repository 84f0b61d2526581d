import type { ReadDocument } from '@chronicle/read-store';
import type { Fact } from '../shared/business-time';
import { LIFECYCLE_LADDER } from '../shared/ladder';
import { unlaunchedSettings } from './campaign-settings';

/** Logical collections of the `campaigns` projection. */
export const CAMPAIGNS = 'campaigns';
export const CAMPAIGN_CONTACTS = 'contacts';
export const CAMPAIGN_DEALS = 'deals';
export const CAMPAIGN_CHANNELS = 'channels';

/**
 * One campaign with every figure of the view kept as a counter, so the view reads one document
 * per campaign whatever the number of contacts. Counters move when a contact's attribution or
 * highest stage changes, which the contact's own document lets the projection undo exactly.
 */
export type CampaignDocument = {
  _id: string;
  /** False while the campaign is only named by contacts or touches and has not been launched. */
  launched: boolean;
  name: string | null;
  channel: string | null;
  status: 'active' | 'completed';
  budget: number;
  currency: string | null;
  /** UTC ISO; the list's `from`/`to` window selects on it. */
  startsAt: string | null;
  endsAt: string | null;
  touches: Record<string, number>;
  /** Distinct contacts with a touch from this campaign. */
  reached: number;
  /** Attributed contacts (not merged away) per highest ladder rank reached, index = rank. */
  attributedByRank: number[];
  dealsWon: number;
  revenue: number;
  /** The campaign's own facts (launch, completion) in business-time order, for `validAt`. */
  facts: Fact[];
  /** Contacts touched before the launch (by business time) and so not yet in a channel's reach. */
  awaitingChannel: string[];
};

/** A contact's attribution and what it brings to its campaign's counters. */
export type AttributedContact = {
  _id: string;
  /** First-touch campaign and the business time of that first contact. */
  campaignId?: string;
  campaignAt?: string;
  highestRank: number;
  /** Campaigns that touched the contact, to count `reached` once per contact. */
  touchedCampaigns: string[];
  /** Per channel, the campaigns that touched the contact in campaign order (campaign-reach.ts). */
  channelCampaigns: ChannelCampaigns[];
  /** Won deals without a campaign of their own: they follow the contact's attribution. */
  wonDeals: number;
  wonRevenue: number;
  mergedAway: boolean;
  /** The contact's campaign facts in business-time order (contact-attribution.ts). */
  facts: Fact[];
  /** Campaigns of its registration and touches, so one campaign's contacts are found by index. */
  campaignContacts: string[];
  /** Business time of its first campaign contact: an as-of answer reads the contacts up to it. */
  firstCampaignContactAt?: string;
};

/** One channel's campaigns that touched a contact, as order keys (`<startsAt>|<campaignId>`), sorted. */
export type ChannelCampaigns = { channel: string; campaigns: string[] };

/**
 * How many contacts of one channel have `first` and `next` as neighbours in their campaign order:
 * with each campaign's `reached`, what makes the channel's distinct reach of any run of campaigns
 * exact (campaign-reach.ts). An array, as campaign ids may hold dots that MongoDB keys may not.
 */
export type ChannelReachDocument = {
  _id: string;
  pairs: Array<{ first: string; next: string; contacts: number }>;
};

/** A deal's opening and wins in business-time order (deal-attribution.ts). */
export type DealDocument = {
  _id: string;
  facts: Fact[];
  /** Business time of its first win: an as-of answer reads the deals won up to it. */
  firstWonAt?: string;
};

export function newCampaign(campaignId: string): CampaignDocument {
  return {
    _id: campaignId,
    ...unlaunchedSettings(),
    touches: {},
    reached: 0,
    attributedByRank: LIFECYCLE_LADDER.map(() => 0),
    dealsWon: 0,
    revenue: 0,
    facts: [],
    awaitingChannel: [],
  };
}

export function newAttributedContact(contactId: string, highestRank: number): AttributedContact {
  return {
    _id: contactId,
    highestRank,
    touchedCampaigns: [],
    channelCampaigns: [],
    wonDeals: 0,
    wonRevenue: 0,
    mergedAway: false,
    facts: [],
    campaignContacts: [],
  };
}

/** Reads back a document this projection wrote. */
export function asDocument<T extends ReadDocument>(document: ReadDocument): T {
  return document as T;
}
