// The value lists of CONTRACT §2 are the domain's: one list per concept, so a DTO can never accept
// a value the deciders do not know. The aliases keep the names the DTOs were written with.
import {
  CAMPAIGN_CHANNELS,
  CONSENT_CHANNELS,
  CUSTOM_FIELD_ENTITIES,
  CUSTOM_FIELD_TYPES,
  FEEDBACK_KINDS,
  INTERACTION_DIRECTIONS,
  INTERACTION_KINDS,
  LEAD_STATUSES,
  LIFECYCLE_STAGES,
  QUALIFICATIONS,
  RESERVED_DEAL_STAGES,
  SENTIMENTS,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TOUCH_KINDS,
} from '@chronicle/domain';

export {
  CAMPAIGN_CHANNELS,
  CONSENT_CHANNELS,
  CUSTOM_FIELD_ENTITIES,
  CUSTOM_FIELD_TYPES,
  FEEDBACK_KINDS,
  INTERACTION_DIRECTIONS,
  INTERACTION_KINDS,
  LEAD_STATUSES,
  LIFECYCLE_STAGES,
  RESERVED_DEAL_STAGES,
  SENTIMENTS,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
};
export const LEAD_QUALIFICATIONS = QUALIFICATIONS;
export const CAMPAIGN_TOUCH_KINDS = TOUCH_KINDS;

export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export type LeadQualification = (typeof LEAD_QUALIFICATIONS)[number];
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export type InteractionDirection = (typeof INTERACTION_DIRECTIONS)[number];
export type Sentiment = (typeof SENTIMENTS)[number];
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];
export type CampaignTouchKind = (typeof CAMPAIGN_TOUCH_KINDS)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
