// The value lists of CONTRACT §2. The domain keeps its own copies on purpose: these belong to the
// HTTP/queue boundary, and a change here is a contract change.

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const LEAD_STATUSES = [
  'new',
  'open',
  'in_progress',
  'open_deal',
  'unqualified',
  'attempted_to_contact',
  'connected',
  'bad_timing',
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_QUALIFICATIONS = ['marketing', 'sales'] as const;
export type LeadQualification = (typeof LEAD_QUALIFICATIONS)[number];

export const CUSTOM_FIELD_ENTITIES = ['contact', 'deal', 'ticket'] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];

export const CUSTOM_FIELD_TYPES = ['string', 'number', 'boolean', 'date', 'enum'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const CONSENT_CHANNELS = ['email', 'sms', 'phone', 'post'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** Deal stages are free text, but these two are what WinDeal and LoseDeal lead to. */
export const RESERVED_DEAL_STAGES = ['won', 'lost'] as const;

export const INTERACTION_KINDS = [
  'call',
  'email',
  'meeting',
  'chat',
  'sms',
  'social',
  'web_visit',
  'app_event',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const INTERACTION_DIRECTIONS = ['inbound', 'outbound'] as const;
export type InteractionDirection = (typeof INTERACTION_DIRECTIONS)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const FEEDBACK_KINDS = ['feedback', 'complaint', 'compliment'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

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

export const CAMPAIGN_TOUCH_KINDS = [
  'sent',
  'delivered',
  'opened',
  'clicked',
  'registered',
  'contacted',
  'responded',
  'purchased',
] as const;
export type CampaignTouchKind = (typeof CAMPAIGN_TOUCH_KINDS)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_CHANNELS = ['email', 'phone', 'chat', 'web', 'social'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
