import { type DomainEvent, type EventMeta, type StreamModel } from '../shared/decider';
import { narrowEvent } from '../shared/narrow';
import { type TicketPriority } from './sla-policies';
import {
  type SlaTarget,
  type TicketEvent,
  type TicketOpenedData,
  type TicketStatus,
} from './ticket-events';

export type ExistingTicket = {
  status: TicketStatus;
  /** Kept whole so a repeated OpenTicket can be recognised; holds the fixed due times. */
  opened: TicketOpenedData;
  priority: TicketPriority;
  assigneeId?: string;
  teamId?: string;
  firstRespondedAt?: string;
  /** Business time of the resolution in force: cleared by a reopening, set by a close if unset. */
  resolvedAt?: string;
  breached: SlaTarget[];
};

export type TicketState = { status: 'none' } | ExistingTicket;

const TICKET_EVENT_TYPES: Record<TicketEvent['type'], true> = {
  TicketOpened: true,
  TicketAssigned: true,
  TicketResponded: true,
  TicketPriorityChanged: true,
  TicketResolved: true,
  TicketReopened: true,
  TicketClosed: true,
  SlaBreached: true,
};

export function evolveTicket(state: TicketState, raw: DomainEvent, meta: EventMeta): TicketState {
  const event = narrowEvent<TicketEvent>(TICKET_EVENT_TYPES, raw);
  if (!event) return state;
  if (event.type === 'TicketOpened') {
    if (state.status !== 'none') return state;
    const { priority, teamId } = event.data;
    return {
      status: 'open',
      opened: event.data,
      priority,
      ...(teamId !== undefined && { teamId }),
      breached: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'TicketAssigned':
      return {
        ...state,
        // A reassignment does not undo a response or a resolution.
        status: state.status === 'open' || state.status === 'reopened' ? 'assigned' : state.status,
        assigneeId: event.data.agentId,
        ...(event.data.teamId !== undefined && { teamId: event.data.teamId }),
      };
    case 'TicketResponded':
      return {
        ...state,
        // Answering a resolved ticket (a follow-up) leaves it resolved.
        status: state.status === 'resolved' ? 'resolved' : 'responded',
        firstRespondedAt: state.firstRespondedAt ?? meta.occurredAt,
      };
    case 'TicketPriorityChanged':
      return { ...state, priority: event.data.priority };
    case 'TicketResolved':
      return { ...state, status: 'resolved', resolvedAt: meta.occurredAt };
    case 'TicketReopened': {
      const { resolvedAt: _cleared, ...rest } = state;
      return { ...rest, status: 'reopened' };
    }
    case 'TicketClosed':
      return { ...state, status: 'closed', resolvedAt: state.resolvedAt ?? meta.occurredAt };
    case 'SlaBreached':
      return { ...state, breached: [...state.breached, event.data.target] };
  }
}

export const ticketStreamModel: StreamModel<TicketState> = {
  initialState: { status: 'none' },
  evolve: evolveTicket,
};
