// The catalog's value lists are the domain's: one list per concept, so a DTO can never accept
// a value the deciders do not know. Two keep the names the DTOs were written with.
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
  QUALIFICATIONS as LEAD_QUALIFICATIONS,
  TOUCH_KINDS as CAMPAIGN_TOUCH_KINDS,
} from '@chronicle/domain';
