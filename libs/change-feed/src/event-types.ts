import type { ChronicleEventType } from '@chronicle/domain';

// A record over the domain's own union: tsc refuses this object when an event type is added to
// the domain and not here, or named here and not in the domain.
const KNOWN: Readonly<Record<ChronicleEventType, true>> = {
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
export const EVENT_TYPES: readonly ChronicleEventType[] = Object.keys(
  KNOWN,
) as ChronicleEventType[];

/** Whether `type` names an event Chronicle writes (case-sensitive, as stored). */
export function isEventType(type: string): type is ChronicleEventType {
  return Object.hasOwn(KNOWN, type);
}
