import { type EventOf } from '../shared/decider';

export const CAMPAIGN_CHANNELS = [
  'email',
  'social',
  'search',
  'display',
  'event',
  'phone',
  'other',
] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

export const TOUCH_KINDS = [
  'sent',
  'delivered',
  'opened',
  'clicked',
  'registered',
  'contacted',
  'responded',
  'purchased',
] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

export type CampaignLaunchedData = {
  campaignId: string;
  name: string;
  channel: CampaignChannel;
  startsAt: string;
  endsAt?: string;
  budget: number;
  currency: string;
  goal?: string;
};

export type LaunchCampaign = CampaignLaunchedData;

export interface RecordCampaignTouch {
  campaignId: string;
  contactId: string;
  kind: TouchKind;
}

export interface CompleteCampaign {
  campaignId: string;
}

/** On the campaign's own stream. */
export type CampaignEvent =
  | EventOf<'CampaignLaunched', CampaignLaunchedData>
  | EventOf<'CampaignCompleted', { campaignId: string }>;

/** On the contact's stream: a campaign's touches are unbounded, a contact's are not. */
export type CampaignTouchEvent = EventOf<
  'CampaignTouchRecorded',
  { contactId: string; campaignId: string; kind: TouchKind }
>;
