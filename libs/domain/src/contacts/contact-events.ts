import { type EventOf } from '../shared/decider';
import { type JsonValue } from '../shared/objects';
import { type LeadStatus, type LifecycleStage, type Qualification } from './lifecycle';

export const CONSENT_CHANNELS = ['email', 'sms', 'phone', 'post'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** Identity and descriptive fields: what RegisterContact takes and UpdateContactDetails corrects. */
export const CONTACT_DETAIL_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'birthDate',
  'address',
  'socialProfiles',
  'company',
  'jobTitle',
  'education',
  'incomeBand',
  'familyStatus',
  'lifestyle',
  'preferences',
] as const;
export type ContactDetailField = (typeof CONTACT_DETAIL_FIELDS)[number];

/** Free-form parts rather than a country's schema: imports carry addresses from everywhere. */
export type PostalAddress = {
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
};

export type SocialProfile = { network: string; handle?: string; url?: string };

export type ContactDetails = {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  birthDate?: string;
  address?: PostalAddress;
  socialProfiles?: SocialProfile[];
  company?: string;
  jobTitle?: string;
  education?: string;
  incomeBand?: string;
  familyStatus?: string;
  lifestyle?: JsonValue;
  preferences?: JsonValue;
};

export type ContactRegisteredData = ContactDetails & {
  contactId: string;
  source?: string;
  campaignId?: string;
  ownerId?: string;
  lifecycleStage: LifecycleStage;
  leadStatus: LeadStatus;
  customFields?: Record<string, JsonValue>;
};

/** Only the fields that changed; `null` clears a field. */
export type ContactDetailsUpdatedData = { contactId: string } & {
  [K in ContactDetailField]?: ContactDetails[K] | null;
};

export type LifecycleStageChangedData = {
  contactId: string;
  from: LifecycleStage;
  to: LifecycleStage;
  reason?: string;
  /** Set on an admin's move down the ladder. */
  backward?: true;
};

export type ContactEvent =
  | EventOf<'ContactRegistered', ContactRegisteredData>
  | EventOf<'ContactDetailsUpdated', ContactDetailsUpdatedData>
  | EventOf<
      'DuplicateSuspected',
      { contactId: string; duplicateOfContactId: string; matchedOn: 'email' | 'phone' }
    >
  | EventOf<'CustomFieldSet', { contactId: string; field: string; value: JsonValue }>
  | EventOf<'LifecycleStageChanged', LifecycleStageChangedData>
  | EventOf<
      'LeadQualified',
      { contactId: string; qualification: Qualification; reason?: string; campaignId?: string }
    >
  | EventOf<'LeadDisqualified', { contactId: string; reason: string }>
  | EventOf<'LeadStatusChanged', { contactId: string; from: LeadStatus; to: LeadStatus }>
  | EventOf<
      'ContactOwnerAssigned',
      { contactId: string; ownerId: string; previousOwnerId?: string }
    >
  | EventOf<
      'ConsentRecorded',
      { contactId: string; channel: ConsentChannel; granted: boolean; source?: string }
    >
  | EventOf<
      'ContactsMerged',
      { contactId: string; survivorContactId: string; duplicateContactId: string }
    >
  | EventOf<
      'ContactPersonalDataErased',
      /** `erasedSubjects`: every contact id whose key must be shredded (this one and those merged into it). */
      { contactId: string; reason: string; erasedSubjects: string[] }
    >;

export type ContactEventType = ContactEvent['type'];
