import { type EventLike, numberField, occurredAtOf, stringField } from '../shared/event-fields';
import {
  consented,
  interacted,
  merged,
  purchased,
  registered,
  stageChanged,
  updatedDetails,
  withOpenTicket,
} from './customer-360-changes';
import { type Customer360State, initialCustomer360 } from './customer-360-state';

/** Every event type the customer 360 folds; each names its contact in `data.contactId`. */
export const CUSTOMER_360_EVENT_TYPES = [
  'ContactRegistered',
  'ContactDetailsUpdated',
  'CustomFieldSet',
  'LifecycleStageChanged',
  'LeadDisqualified',
  'LeadStatusChanged',
  'ContactOwnerAssigned',
  'ConsentRecorded',
  'ContactsMerged',
  'ContactPersonalDataErased',
  'PurchaseRecorded',
  'InteractionLogged',
  'FeedbackRecorded',
  'SurveyResponseRecorded',
  'TicketOpened',
  'TicketResolved',
  'TicketReopened',
  'TicketClosed',
  'DealOpened',
  'DealWon',
  'DealLost',
] as const;
const FOLDED: ReadonlySet<string> = new Set(CUSTOMER_360_EVENT_TYPES);

/** The contact whose 360 `event` changes, or undefined when the 360 ignores it. */
export function customer360SubjectOf(event: EventLike): string | undefined {
  return FOLDED.has(event.type) ? stringField(event.data, 'contactId') : undefined;
}

/**
 * The pure fold of one contact's customer 360: the projection applies it event by event and
 * stores the result; the audit's as-of replay reduces the customer's events with it
 * (`events.reduce(evolveCustomer360, undefined)`). Events of other contacts or types leave the
 * state as it is (the same object); `undefined` is the state before the contact's first event.
 */
export function evolveCustomer360(
  state: Customer360State | undefined,
  event: EventLike,
): Customer360State | undefined {
  const contactId = customer360SubjectOf(event);
  if (contactId === undefined || (state && state.contactId !== contactId)) return state;
  const current = state ?? initialCustomer360(contactId);
  const next = foldEvent(current, event, occurredAtOf(event));
  return { ...next, position: event.position };
}

function foldEvent(state: Customer360State, event: EventLike, at: string): Customer360State {
  const { data } = event;
  const text = (key: string): string | undefined => stringField(data, key);
  switch (event.type) {
    case 'ContactRegistered':
      return state.registered ? state : registered(state, data, at, event.position);
    case 'ContactDetailsUpdated':
      return { ...state, details: updatedDetails(state.details, data) };
    case 'CustomFieldSet': {
      const field = text('field');
      const value = data.value;
      if (field === undefined || value === undefined) return state;
      return { ...state, customFields: { ...state.customFields, [field]: value } };
    }
    case 'LifecycleStageChanged':
      return stageChanged(state, text('to'), at, event.position);
    case 'LeadDisqualified':
      return { ...state, leadStatus: 'unqualified' };
    case 'LeadStatusChanged':
      return { ...state, leadStatus: text('to') ?? state.leadStatus };
    case 'ContactOwnerAssigned':
      return { ...state, ownerId: text('ownerId') ?? state.ownerId };
    case 'ConsentRecorded':
      return consented(state, text('channel'), data.granted, at);
    case 'ContactsMerged':
      return merged(state, text('survivorContactId'), text('duplicateContactId'));
    case 'ContactPersonalDataErased':
      return { ...state, erasedAt: at };
    case 'PurchaseRecorded':
      return purchased(state, numberField(data, 'total') ?? 0, at);
    case 'InteractionLogged':
    case 'FeedbackRecorded':
      return interacted(state, text('kind') ?? 'unknown', at);
    case 'SurveyResponseRecorded':
      return interacted(state, 'survey_response', at);
    case 'TicketOpened':
    case 'TicketReopened':
      return withOpenTicket(state, text('ticketId'), true);
    case 'TicketResolved':
    case 'TicketClosed':
      return withOpenTicket(state, text('ticketId'), false);
    case 'DealOpened':
      return { ...state, deals: { ...state.deals, open: state.deals.open + 1 } };
    case 'DealWon':
      return {
        ...state,
        deals: { ...state.deals, open: state.deals.open - 1, won: state.deals.won + 1 },
      };
    case 'DealLost':
      return {
        ...state,
        deals: { ...state.deals, open: state.deals.open - 1, lost: state.deals.lost + 1 },
      };
    default:
      return state;
  }
}
