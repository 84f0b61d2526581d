import { type EventLike, occurredAtOf } from '../shared/event-fields';
import { type EventsIn, projectedEvent } from '../shared/projected-event';
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
const FOLDED = new Set(CUSTOMER_360_EVENT_TYPES);

/** The contact whose 360 `event` changes, or undefined when the 360 ignores it. */
export function customer360SubjectOf(event: EventLike): string | undefined {
  // Deal and ticket events name a contact only when they have one.
  return projectedEvent(event, FOLDED)?.data.contactId;
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
  const typed = projectedEvent(event, FOLDED);
  const next = typed ? foldEvent(current, typed, event, occurredAtOf(event)) : current;
  return { ...next, position: event.position };
}

/**
 * `stored` is the same event untyped: the registration and detail changes copy the contact's
 * details field by field as stored (sealed), whatever shape the type gives them.
 */
function foldEvent(
  state: Customer360State,
  event: EventsIn<typeof FOLDED>,
  stored: EventLike,
  at: string,
): Customer360State {
  const { position } = stored;
  switch (event.type) {
    case 'ContactRegistered':
      return state.registered ? state : registered(state, stored.data, at, position);
    case 'ContactDetailsUpdated':
      return { ...state, details: updatedDetails(state.details, stored.data) };
    case 'CustomFieldSet': {
      const { field, value } = event.data;
      return { ...state, customFields: { ...state.customFields, [field]: value } };
    }
    case 'LifecycleStageChanged':
      return stageChanged(state, event.data.to, at, position);
    case 'LeadDisqualified':
      return { ...state, leadStatus: 'unqualified' };
    case 'LeadStatusChanged':
      return { ...state, leadStatus: event.data.to };
    case 'ContactOwnerAssigned':
      return { ...state, ownerId: event.data.ownerId };
    case 'ConsentRecorded':
      return consented(state, event.data.channel, event.data.granted, at);
    case 'ContactsMerged':
      return merged(state, event.data.survivorContactId, event.data.duplicateContactId);
    case 'ContactPersonalDataErased':
      return { ...state, erasedAt: at };
    case 'PurchaseRecorded':
      return purchased(state, event.data.total, at);
    case 'InteractionLogged':
    case 'FeedbackRecorded':
      return interacted(state, event.data.kind, at);
    case 'SurveyResponseRecorded':
      return interacted(state, 'survey_response', at);
    case 'TicketOpened':
    case 'TicketReopened':
      return withOpenTicket(state, event.data.ticketId, true);
    case 'TicketResolved':
    case 'TicketClosed':
      return withOpenTicket(state, event.data.ticketId, false);
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
  }
}
