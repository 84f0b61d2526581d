import { type ContactEvent } from './contacts/contact-events';
import { type CustomFieldEvent } from './contacts/custom-field-definitions';
import { type InteractionEvent } from './interactions/interaction-events';
import { type CampaignEvent, type CampaignTouchEvent } from './marketing/campaign-events';
import { type DealEvent } from './sales/deal-events';
import { type OrderEvent } from './sales/order';
import { type SlaPolicyEvent } from './service/sla-policies';
import { type TicketEvent } from './service/ticket-events';

/** Every event v1 writes, discriminated on `type`, for projections to switch over. */
export type ChronicleEvent =
  | ContactEvent
  | CustomFieldEvent
  | CampaignTouchEvent
  | DealEvent
  | OrderEvent
  | InteractionEvent
  | CampaignEvent
  | SlaPolicyEvent
  | TicketEvent;

export type ChronicleEventType = ChronicleEvent['type'];

// A record over the union: tsc refuses it when an event type is added to the union and not here,
// or named here and not in the union.
const EVERY_EVENT_TYPE: Readonly<Record<ChronicleEventType, true>> = {
  ContactRegistered: true,
  ContactDetailsUpdated: true,
  CustomFieldDefined: true,
  CustomFieldSet: true,
  LifecycleStageChanged: true,
  LeadQualified: true,
  LeadDisqualified: true,
  LeadStatusChanged: true,
  ContactOwnerAssigned: true,
  ConsentRecorded: true,
  DuplicateSuspected: true,
  ContactsMerged: true,
  ContactPersonalDataErased: true,
  DealOpened: true,
  DealStageAdvanced: true,
  DealWon: true,
  DealLost: true,
  PurchaseRecorded: true,
  InteractionLogged: true,
  FeedbackRecorded: true,
  SurveyResponseRecorded: true,
  CampaignLaunched: true,
  CampaignTouchRecorded: true,
  CampaignCompleted: true,
  SlaPolicyDefined: true,
  TicketOpened: true,
  TicketAssigned: true,
  TicketResponded: true,
  TicketPriorityChanged: true,
  TicketResolved: true,
  TicketReopened: true,
  TicketClosed: true,
  SlaBreached: true,
};

/** Every event type Chronicle writes, in the contract's order. */
export const CHRONICLE_EVENT_TYPES: readonly ChronicleEventType[] = Object.keys(
  EVERY_EVENT_TYPE,
) as ChronicleEventType[];

/** Whether `type` names an event Chronicle writes (case-sensitive, as stored). */
export function isChronicleEventType(type: string): type is ChronicleEventType {
  return Object.hasOwn(EVERY_EVENT_TYPE, type);
}
