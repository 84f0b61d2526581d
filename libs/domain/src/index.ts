export {
  DomainError,
  ROLES,
  type CommandSpec,
  type DecideContext,
  type DomainErrorCode,
  type DomainEvent,
  type EventMeta,
  type Role,
  type StreamEvents,
  type StreamModel,
} from './shared/decider';
export { normaliseEmail, normalisePhone } from './shared/values';
export type { JsonValue } from './shared/objects';
export * from './shared/stream-ids';
export {
  commandSpecs,
  COMMAND_TYPES,
  isCommandType,
  type CommandType,
  type PayloadOf,
} from './catalog';
export { streamModelFor } from './stream-models';
export { personalFields, personalDataSubject } from './personal-data';
export type { ChronicleEvent, ChronicleEventType } from './events';
export { CHRONICLE_EVENT_TYPES, isChronicleEventType } from './events';

export * from './contacts/lifecycle';
export * from './contacts/contact-events';
export type * from './contacts/contact-commands';
export type { ActiveContact, ContactState } from './contacts/contact-state';
export {
  CUSTOM_FIELD_ENTITIES,
  CUSTOM_FIELD_TYPES,
  type CustomFieldDefinition,
  type CustomFieldDefinitionsState,
  type CustomFieldEntity,
  type CustomFieldEvent,
  type CustomFieldType,
  type DefineCustomField,
} from './contacts/custom-field-definitions';
export type { RecordState } from './contacts/contact-records';

export * from './sales/deal-events';
export type { DealState, ExistingDeal } from './sales/deal-state';
export {
  orderTotal,
  type OrderEvent,
  type OrderItem,
  type PurchaseRecordedData,
  type RecordPurchase,
} from './sales/order';

export * from './interactions/interaction-events';

export * from './marketing/campaign-events';
export type { CampaignState } from './marketing/campaign-state';

export {
  DEFAULT_SLA_POLICIES,
  TICKET_PRIORITIES,
  dueTimes,
  slaTargetsInForce,
  type DefineSlaPolicy,
  type SlaPoliciesState,
  type SlaPolicy,
  type SlaPolicyEvent,
  type SlaTargets,
  type TicketPriority,
} from './service/sla-policies';
export * from './service/ticket-events';
export type { ExistingTicket, TicketState } from './service/ticket-state';
export { decideSlaBreach } from './service/sla-breach';
