import { type EventOf } from '../shared/decider';
import { type TicketPriority } from './sla-policies';

export const TICKET_CHANNELS = ['email', 'phone', 'chat', 'web', 'social'] as const;
export const TICKET_STATUSES = [
  'open',
  'assigned',
  'responded',
  'resolved',
  'closed',
  'reopened',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const SLA_TARGETS = ['first_response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

export type TicketOpenedData = {
  ticketId: string;
  contactId: string;
  subject: string;
  description?: string;
  priority: TicketPriority;
  channel: (typeof TICKET_CHANNELS)[number];
  category?: string;
  teamId?: string;
  /** Fixed at opening from the policy in force; a fact with its own time, so it lives in data. */
  firstResponseDueAt: string;
  resolutionDueAt: string;
};

export type OpenTicket = Omit<TicketOpenedData, 'firstResponseDueAt' | 'resolutionDueAt'>;

export interface AssignTicket {
  ticketId: string;
  agentId: string;
  teamId?: string;
}

export interface RespondToTicket {
  ticketId: string;
  agentId: string;
  message?: string;
}

export interface ChangeTicketPriority {
  ticketId: string;
  priority: TicketPriority;
}

export interface ResolveTicket {
  ticketId: string;
  resolution: string;
}

export interface ReopenTicket {
  ticketId: string;
  reason?: string;
}

export interface CloseTicket {
  ticketId: string;
  satisfactionScore?: number;
  comment?: string;
}

/** Every ticket event names the contact: its personal fields are encrypted under that contact's key. */
type TicketRef = { ticketId: string; contactId: string };

export type TicketEvent =
  | EventOf<'TicketOpened', TicketOpenedData>
  | EventOf<
      'TicketAssigned',
      TicketRef & { agentId: string; teamId?: string; previousAgentId?: string }
    >
  | EventOf<
      'TicketResponded',
      TicketRef & { agentId: string; message?: string; firstResponse: boolean }
    >
  | EventOf<
      'TicketPriorityChanged',
      TicketRef & { priority: TicketPriority; previousPriority: TicketPriority }
    >
  | EventOf<'TicketResolved', TicketRef & { resolution: string }>
  | EventOf<'TicketReopened', TicketRef & { reason?: string }>
  | EventOf<
      'TicketClosed',
      TicketRef & {
        satisfactionScore?: number;
        comment?: string;
        /** True when the ticket was not resolved before: closing counts as its resolution. */
        resolvedAtClose: boolean;
      }
    >
  | EventOf<'SlaBreached', TicketRef & { target: SlaTarget; dueAt: string }>;
