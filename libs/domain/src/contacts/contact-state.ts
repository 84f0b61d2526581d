import { type EventMeta, type DomainEvent, type StreamModel } from '../shared/decider';
import { narrowEvent } from '../shared/narrow';
import { pickDefined, type JsonValue } from '../shared/objects';
import {
  CONTACT_DETAIL_FIELDS,
  type ConsentChannel,
  type ContactDetails,
  type ContactDetailsUpdatedData,
  type ContactEvent,
  type ContactEventType,
  type ContactRegisteredData,
} from './contact-events';
import { isLadderStage, type LadderStage, type LeadStatus, type LifecycleStage } from './lifecycle';

export type ActiveContact = {
  status: 'active';
  contactId: string;
  /** Kept whole so a repeated RegisterContact can be recognised. */
  registration: ContactRegisteredData;
  details: ContactDetails;
  lifecycleStage: LifecycleStage;
  /** The ladder stage held last; a move back from `other` is measured against it. */
  lastLadderStage?: LadderStage;
  /** When the contact last entered each stage (business time). */
  stageEnteredAt: Partial<Record<LifecycleStage, string>>;
  leadStatus: LeadStatus;
  ownerId?: string;
  customFields: Record<string, JsonValue>;
  consents: Partial<Record<ConsentChannel, boolean>>;
  suspectedDuplicates: string[];
  mergedFrom: string[];
};

export type ContactState =
  | { status: 'unregistered' }
  | ActiveContact
  | { status: 'merged'; contactId: string; survivorContactId: string }
  | {
      status: 'erased';
      contactId: string;
      erasedAt: string;
      /** Whose keys the erasure shreds, so a repeated erase can finish what a crash left undone. */
      erasedSubjects: string[];
    };

const CONTACT_EVENT_TYPES: Record<ContactEventType, true> = {
  ContactRegistered: true,
  ContactDetailsUpdated: true,
  DuplicateSuspected: true,
  CustomFieldSet: true,
  LifecycleStageChanged: true,
  LeadQualified: true,
  LeadDisqualified: true,
  LeadStatusChanged: true,
  ContactOwnerAssigned: true,
  ConsentRecorded: true,
  ContactsMerged: true,
  ContactPersonalDataErased: true,
};

export const initialContactState: ContactState = { status: 'unregistered' };

export function evolveContact(
  state: ContactState,
  raw: DomainEvent,
  meta: EventMeta,
): ContactState {
  const event = narrowEvent<ContactEvent>(CONTACT_EVENT_TYPES, raw);
  if (!event) return state;
  if (event.type === 'ContactRegistered') {
    return state.status === 'unregistered' ? registered(event.data, meta) : state;
  }
  if (state.status !== 'active') return state;
  switch (event.type) {
    case 'ContactDetailsUpdated':
      return { ...state, details: applyDetails(state.details, event.data) };
    case 'DuplicateSuspected':
      return {
        ...state,
        suspectedDuplicates: [...state.suspectedDuplicates, event.data.duplicateOfContactId],
      };
    case 'CustomFieldSet':
      return {
        ...state,
        customFields: { ...state.customFields, [event.data.field]: event.data.value },
      };
    case 'LifecycleStageChanged':
      return enterStage(state, event.data.to, meta);
    case 'LeadQualified':
      // The stage move arrives as its own LifecycleStageChanged.
      return state;
    case 'LeadDisqualified':
      return { ...state, leadStatus: 'unqualified' };
    case 'LeadStatusChanged':
      return { ...state, leadStatus: event.data.to };
    case 'ContactOwnerAssigned':
      return { ...state, ownerId: event.data.ownerId };
    case 'ConsentRecorded':
      return {
        ...state,
        consents: { ...state.consents, [event.data.channel]: event.data.granted },
      };
    case 'ContactsMerged':
      return event.data.duplicateContactId === state.contactId
        ? {
            status: 'merged',
            contactId: state.contactId,
            survivorContactId: event.data.survivorContactId,
          }
        : { ...state, mergedFrom: [...state.mergedFrom, event.data.duplicateContactId] };
    case 'ContactPersonalDataErased':
      return {
        status: 'erased',
        contactId: state.contactId,
        erasedAt: meta.occurredAt,
        erasedSubjects: event.data.erasedSubjects,
      };
  }
}

function registered(data: ContactRegisteredData, meta: EventMeta): ActiveContact {
  return enterStage(
    {
      status: 'active',
      contactId: data.contactId,
      registration: data,
      details: pickDefined(data, CONTACT_DETAIL_FIELDS),
      lifecycleStage: data.lifecycleStage,
      stageEnteredAt: {},
      leadStatus: data.leadStatus,
      ...(data.ownerId !== undefined && { ownerId: data.ownerId }),
      customFields: data.customFields ?? {},
      consents: {},
      suspectedDuplicates: [],
      mergedFrom: [],
    },
    data.lifecycleStage,
    meta,
  );
}

function enterStage(state: ActiveContact, stage: LifecycleStage, meta: EventMeta): ActiveContact {
  return {
    ...state,
    lifecycleStage: stage,
    ...(isLadderStage(stage) && { lastLadderStage: stage }),
    stageEnteredAt: { ...state.stageEnteredAt, [stage]: meta.occurredAt },
  };
}

export function applyDetails(
  details: ContactDetails,
  update: Omit<ContactDetailsUpdatedData, 'contactId'>,
): ContactDetails {
  const next: Record<string, unknown> = { ...details };
  for (const field of CONTACT_DETAIL_FIELDS) {
    const value = update[field];
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next;
}

export const contactStreamModel: StreamModel<ContactState> = {
  initialState: initialContactState,
  evolve: evolveContact,
};
