import {
  COMMAND_TYPES,
  type CommandSpec,
  type CommandType,
  commandSpecs,
  type PayloadOf,
} from '@chronicle/domain';
import { AdvanceDealStageDto } from './advance-deal-stage/advance-deal-stage.dto';
import { AssignContactOwnerDto } from './assign-contact-owner/assign-contact-owner.dto';
import { AssignTicketDto } from './assign-ticket/assign-ticket.dto';
import { ChangeLifecycleStageDto } from './change-lifecycle-stage/change-lifecycle-stage.dto';
import { ChangeTicketPriorityDto } from './change-ticket-priority/change-ticket-priority.dto';
import { CloseTicketDto } from './close-ticket/close-ticket.dto';
import { CompleteCampaignDto } from './complete-campaign/complete-campaign.dto';
import { DefineCustomFieldDto } from './define-custom-field/define-custom-field.dto';
import { DefineSlaPolicyDto } from './define-sla-policy/define-sla-policy.dto';
import { DisqualifyLeadDto } from './disqualify-lead/disqualify-lead.dto';
import { EraseContactPersonalDataDto } from './erase-contact-personal-data/erase-contact-personal-data.dto';
import { LaunchCampaignDto } from './launch-campaign/launch-campaign.dto';
import { LogInteractionDto } from './log-interaction/log-interaction.dto';
import { LoseDealDto } from './lose-deal/lose-deal.dto';
import { MergeContactsDto } from './merge-contacts/merge-contacts.dto';
import { OpenDealDto } from './open-deal/open-deal.dto';
import { OpenTicketDto } from './open-ticket/open-ticket.dto';
import { QualifyLeadDto } from './qualify-lead/qualify-lead.dto';
import { RecordCampaignTouchDto } from './record-campaign-touch/record-campaign-touch.dto';
import { RecordConsentDto } from './record-consent/record-consent.dto';
import { RecordFeedbackDto } from './record-feedback/record-feedback.dto';
import { RecordPurchaseDto } from './record-purchase/record-purchase.dto';
import { RecordSurveyResponseDto } from './record-survey-response/record-survey-response.dto';
import { RegisterContactDto } from './register-contact/register-contact.dto';
import { ReopenTicketDto } from './reopen-ticket/reopen-ticket.dto';
import { ResolveTicketDto } from './resolve-ticket/resolve-ticket.dto';
import { RespondToTicketDto } from './respond-to-ticket/respond-to-ticket.dto';
import { SetCustomFieldDto } from './set-custom-field/set-custom-field.dto';
import { SetLeadStatusDto } from './set-lead-status/set-lead-status.dto';
import { UpdateContactDetailsDto } from './update-contact-details/update-contact-details.dto';
import { WinDealDto } from './win-deal/win-deal.dto';

/**
 * What the pipeline needs of one command type: the DTO that validates its payload and the spec
 * that decides it. The DTO's instances are the spec's payload, so `tsc` sees any drift.
 */
export interface CommandEntry<K extends CommandType = CommandType> {
  dto: new () => PayloadOf<K>;
  spec: CommandSpec<PayloadOf<K>>;
}

// The one place a command type meets its DTO; its decider is the domain's, under the same key.
const dtoByCommandType = {
  RegisterContact: RegisterContactDto,
  UpdateContactDetails: UpdateContactDetailsDto,
  DefineCustomField: DefineCustomFieldDto,
  SetCustomField: SetCustomFieldDto,
  ChangeLifecycleStage: ChangeLifecycleStageDto,
  QualifyLead: QualifyLeadDto,
  DisqualifyLead: DisqualifyLeadDto,
  SetLeadStatus: SetLeadStatusDto,
  AssignContactOwner: AssignContactOwnerDto,
  RecordConsent: RecordConsentDto,
  MergeContacts: MergeContactsDto,
  EraseContactPersonalData: EraseContactPersonalDataDto,
  OpenDeal: OpenDealDto,
  AdvanceDealStage: AdvanceDealStageDto,
  WinDeal: WinDealDto,
  LoseDeal: LoseDealDto,
  RecordPurchase: RecordPurchaseDto,
  LogInteraction: LogInteractionDto,
  RecordFeedback: RecordFeedbackDto,
  RecordSurveyResponse: RecordSurveyResponseDto,
  LaunchCampaign: LaunchCampaignDto,
  RecordCampaignTouch: RecordCampaignTouchDto,
  CompleteCampaign: CompleteCampaignDto,
  DefineSlaPolicy: DefineSlaPolicyDto,
  OpenTicket: OpenTicketDto,
  AssignTicket: AssignTicketDto,
  RespondToTicket: RespondToTicketDto,
  ChangeTicketPriority: ChangeTicketPriorityDto,
  ResolveTicket: ResolveTicketDto,
  ReopenTicket: ReopenTicketDto,
  CloseTicket: CloseTicketDto,
} satisfies { [K in CommandType]: CommandEntry<K>['dto'] };

// A payload field no DTO declares would be stripped by the whitelist before decide could read
// it; `implements` alone misses an optional one. This fails to compile, naming the fields.
type UndeclaredPayloadFields = {
  [K in CommandType]: Exclude<keyof PayloadOf<K>, keyof InstanceType<(typeof dtoByCommandType)[K]>>;
}[CommandType];
const _everyPayloadFieldDeclared: [UndeclaredPayloadFields] extends [never]
  ? true
  : UndeclaredPayloadFields = true;

/**
 * Every command type's DTO and spec. It has no prototype, so a path segment such as
 * `constructor` finds nothing instead of an inherited function; still, check a type coming from
 * outside with `isCommandType` first.
 */
export const commandCatalog: { readonly [K in CommandType]: CommandEntry<K> } = Object.freeze(
  Object.assign(
    Object.create(null) as { [K in CommandType]: CommandEntry<K> },
    Object.fromEntries(COMMAND_TYPES.map((type) => [type, entryOf(type)])),
  ),
);

function entryOf<K extends CommandType>(type: K): CommandEntry<K> {
  return { dto: dtoByCommandType[type], spec: commandSpecs[type] };
}
