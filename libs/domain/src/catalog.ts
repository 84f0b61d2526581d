import { type CommandSpec } from './shared/decider';
import { assignContactOwner, recordConsent, setCustomField } from './contacts/contact-attributes';
import { registerContact, updateContactDetails } from './contacts/contact-details';
import { defineCustomField } from './contacts/custom-field-definitions';
import {
  changeLifecycleStage,
  disqualifyLead,
  qualifyLead,
  setLeadStatus,
} from './contacts/lifecycle-commands';
import { eraseContactPersonalData, mergeContacts } from './contacts/merge-and-erasure';
import {
  logInteraction,
  recordFeedback,
  recordSurveyResponse,
} from './interactions/interaction-commands';
import {
  completeCampaign,
  launchCampaign,
  recordCampaignTouch,
} from './marketing/campaign-commands';
import { advanceDealStage, loseDeal, openDeal, winDeal } from './sales/deal-commands';
import { recordPurchase } from './sales/order';
import { defineSlaPolicy } from './service/sla-policies';
import {
  assignTicket,
  changeTicketPriority,
  openTicket,
  respondToTicket,
} from './service/ticket-work-commands';
import { closeTicket, reopenTicket, resolveTicket } from './service/ticket-resolution-commands';

const specs = {
  RegisterContact: registerContact,
  UpdateContactDetails: updateContactDetails,
  DefineCustomField: defineCustomField,
  SetCustomField: setCustomField,
  ChangeLifecycleStage: changeLifecycleStage,
  QualifyLead: qualifyLead,
  DisqualifyLead: disqualifyLead,
  SetLeadStatus: setLeadStatus,
  AssignContactOwner: assignContactOwner,
  RecordConsent: recordConsent,
  MergeContacts: mergeContacts,
  EraseContactPersonalData: eraseContactPersonalData,
  OpenDeal: openDeal,
  AdvanceDealStage: advanceDealStage,
  WinDeal: winDeal,
  LoseDeal: loseDeal,
  RecordPurchase: recordPurchase,
  LogInteraction: logInteraction,
  RecordFeedback: recordFeedback,
  RecordSurveyResponse: recordSurveyResponse,
  LaunchCampaign: launchCampaign,
  RecordCampaignTouch: recordCampaignTouch,
  CompleteCampaign: completeCampaign,
  DefineSlaPolicy: defineSlaPolicy,
  OpenTicket: openTicket,
  AssignTicket: assignTicket,
  RespondToTicket: respondToTicket,
  ChangeTicketPriority: changeTicketPriority,
  ResolveTicket: resolveTicket,
  ReopenTicket: reopenTicket,
  CloseTicket: closeTicket,
} satisfies Record<string, CommandSpec>;

export type CommandType = keyof typeof specs;

/**
 * The payload a command type's decider takes, read off its spec: the application's DTO for the
 * type must produce it, so a field changed on either side fails to compile.
 */
export type PayloadOf<K extends CommandType> = Parameters<(typeof specs)[K]['streamId']>[0];

export const COMMAND_TYPES = Object.freeze(Object.keys(specs)) as readonly CommandType[];

/**
 * Every v1 command's decider by type. It has no prototype, so a request for "toString" or
 * "__proto__" finds nothing instead of an Object method; still, check a type from outside with
 * {@link isCommandType} first.
 */
export const commandSpecs: Readonly<typeof specs> = Object.freeze(
  Object.assign(Object.create(null) as typeof specs, specs),
);

export function isCommandType(type: string): type is CommandType {
  return Object.hasOwn(specs, type);
}
