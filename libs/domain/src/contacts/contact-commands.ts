import { type JsonValue } from '../shared/objects';
import { type ConsentChannel, type ContactDetails } from './contact-events';
import { type LeadStatus, type LifecycleStage, type Qualification } from './lifecycle';

export type RegisterContact = ContactDetails & {
  contactId: string;
  source?: string;
  campaignId?: string;
  ownerId?: string;
  lifecycleStage?: LifecycleStage;
  leadStatus?: LeadStatus;
  customFields?: Record<string, JsonValue>;
};

export type UpdateContactDetails = { contactId: string } & {
  [K in keyof ContactDetails]?: ContactDetails[K] | null;
};

export interface ChangeLifecycleStage {
  contactId: string;
  stage: LifecycleStage;
  reason?: string;
  allowBackward?: boolean;
}

export interface QualifyLead {
  contactId: string;
  qualification: Qualification;
  reason?: string;
  campaignId?: string;
}

export interface DisqualifyLead {
  contactId: string;
  reason: string;
}

export interface SetLeadStatus {
  contactId: string;
  status: LeadStatus;
}

export interface AssignContactOwner {
  contactId: string;
  ownerId: string;
}

export interface RecordConsent {
  contactId: string;
  channel: ConsentChannel;
  granted: boolean;
  source?: string;
}

export interface SetCustomField {
  contactId: string;
  field: string;
  value: JsonValue;
}

export interface MergeContacts {
  survivorContactId: string;
  duplicateContactId: string;
}

export interface EraseContactPersonalData {
  contactId: string;
  reason: string;
}
