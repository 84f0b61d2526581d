import { CONTACT_DETAIL_FIELDS } from '@chronicle/domain';
import { type EventLike, stringField } from '../shared/event-fields';
import { addAmounts } from '../shared/percentiles';
import type { Customer360State } from './customer-360-state';
import { withStageChange } from './stage-timing';

// The state changes of evolveCustomer360, one per kind of fact; each returns a new state.

export function registered(
  state: Customer360State,
  data: EventLike['data'],
  at: string,
  position: string,
): Customer360State {
  const stage = stringField(data, 'lifecycleStage') ?? 'lead';
  return {
    ...state,
    registered: true,
    registeredAt: at,
    details: updatedDetails({}, data),
    source: stringField(data, 'source') ?? null,
    campaignId: stringField(data, 'campaignId') ?? null,
    ...enteredStage(state, stage, at, position),
    leadStatus: stringField(data, 'leadStatus') ?? 'new',
    ownerId: stringField(data, 'ownerId') ?? null,
    registeredCustomFields: data.customFields ?? null,
  };
}

export function stageChanged(
  state: Customer360State,
  to: string | undefined,
  at: string,
  position: string,
): Customer360State {
  const stage = to ?? state.lifecycleStage;
  if (stage === null) return state;
  return { ...state, ...enteredStage(state, stage, at, position) };
}

function enteredStage(
  state: Customer360State,
  stage: string,
  at: string,
  position: string,
): Pick<Customer360State, 'lifecycleStage' | 'stageEnteredAt' | 'stageChanges'> {
  const stageChanges = withStageChange(state.stageChanges, { stage, at, position });
  return {
    // The stage of the latest change by business time: a backfilled older one does not win.
    lifecycleStage: stageChanges.at(-1)!.stage,
    stageEnteredAt: { ...state.stageEnteredAt, [stage]: at },
    stageChanges,
  };
}

export function updatedDetails(
  details: Customer360State['details'],
  data: EventLike['data'],
): Customer360State['details'] {
  const next = { ...details };
  for (const field of CONTACT_DETAIL_FIELDS) {
    const value = data[field];
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next;
}

export function consented(
  state: Customer360State,
  channel: string | undefined,
  granted: unknown,
  at: string,
): Customer360State {
  const previous = channel === undefined ? undefined : state.consents[channel];
  // Each statement is evidence with its own business time: a backfilled older one does not win.
  if (channel === undefined || typeof granted !== 'boolean' || (previous && previous.at > at))
    return state;
  return { ...state, consents: { ...state.consents, [channel]: { granted, at } } };
}

export function merged(
  state: Customer360State,
  survivor: string | undefined,
  duplicate: string | undefined,
): Customer360State {
  if (duplicate === state.contactId) return { ...state, mergedInto: survivor ?? null };
  if (duplicate === undefined || state.mergedFrom.includes(duplicate)) return state;
  return { ...state, mergedFrom: [...state.mergedFrom, duplicate] };
}

export function purchased(state: Customer360State, total: number, at: string): Customer360State {
  const { purchases } = state;
  return {
    ...state,
    purchases: {
      orders: purchases.orders + 1,
      total: addAmounts(purchases.total, total),
      lastPurchaseAt: latest(purchases.lastPurchaseAt, at),
    },
  };
}

export function interacted(state: Customer360State, kind: string, at: string): Customer360State {
  const { interactions } = state;
  return {
    ...state,
    interactions: {
      total: interactions.total + 1,
      byKind: { ...interactions.byKind, [kind]: (interactions.byKind[kind] ?? 0) + 1 },
      lastAt: latest(interactions.lastAt, at),
    },
  };
}

export function withOpenTicket(
  state: Customer360State,
  ticketId: string | undefined,
  open: boolean,
): Customer360State {
  if (ticketId === undefined) return state;
  const others = state.openTicketIds.filter((id) => id !== ticketId);
  return { ...state, openTicketIds: open ? [...others, ticketId] : others };
}

/** The later of two business times (backfills arrive in any order). */
function latest(current: string | null, at: string): string {
  return current === null || at > current ? at : current;
}
