import { defineCommand, onStream } from '../shared/decider';
import { isRepeatedCreation } from '../shared/creation';
import { pickDefined } from '../shared/objects';
import { contactStreamId, SLA_POLICIES_STREAM_ID, ticketStreamId } from '../shared/stream-ids';
import { requireActiveContact } from '../contacts/contact-guards';
import { type ContactState } from '../contacts/contact-state';
import { dueTimes, slaTargetsInForce, type SlaPoliciesState } from './sla-policies';
import {
  type AssignTicket,
  type ChangeTicketPriority,
  type OpenTicket,
  type RespondToTicket,
  type TicketEvent,
  type TicketOpenedData,
} from './ticket-events';
import { requireOpenTicket, ticketRef } from './ticket-guards';
import { type TicketState } from './ticket-state';

export const openTicket = defineCommand<
  OpenTicket,
  TicketState,
  { contact: ContactState; slaPolicies: SlaPoliciesState }
>({
  commandType: 'OpenTicket',
  streamId: (payload) => ticketStreamId(payload.ticketId),
  related: (payload) => ({
    contact: contactStreamId(payload.contactId),
    slaPolicies: SLA_POLICIES_STREAM_ID,
  }),
  decide(payload, state, ctx) {
    const streamId = ticketStreamId(payload.ticketId);
    const fields = pickDefined(payload, [
      'ticketId',
      'contactId',
      'subject',
      'description',
      'priority',
      'channel',
      'category',
      'teamId',
    ]);
    if (state.status !== 'none') {
      requireOpenTicket(state, payload.ticketId);
      // Due times depend on the policies at decide time, so a repeat is judged on the payload alone.
      isRepeatedCreation(state.opened, fields, `Ticket ${payload.ticketId}`, [
        'firstResponseDueAt',
        'resolutionDueAt',
      ]);
      return onStream(streamId, []);
    }
    requireActiveContact(ctx.related.contact, payload.contactId);
    const targets = slaTargetsInForce(ctx.related.slaPolicies, payload.priority, ctx.occurredAt);
    const data: TicketOpenedData = { ...fields, ...dueTimes(targets, ctx.occurredAt) };
    return onStream(streamId, [{ type: 'TicketOpened', data }]);
  },
});

export const assignTicket = defineCommand<AssignTicket, TicketState>({
  commandType: 'AssignTicket',
  streamId: (payload) => ticketStreamId(payload.ticketId),
  decide(payload, state) {
    const ticket = requireOpenTicket(state, payload.ticketId);
    const { agentId, teamId } = payload;
    const streamId = ticketStreamId(payload.ticketId);
    if (agentId === ticket.assigneeId && (teamId === undefined || teamId === ticket.teamId)) {
      return onStream(streamId, []);
    }
    const event: TicketEvent = {
      type: 'TicketAssigned',
      data: {
        ...ticketRef(ticket),
        agentId,
        ...(teamId !== undefined && { teamId }),
        ...(ticket.assigneeId !== undefined && { previousAgentId: ticket.assigneeId }),
      },
    };
    return onStream(streamId, [event]);
  },
});

/** An unassigned ticket is first assigned to the responding agent, as its own TicketAssigned. */
export const respondToTicket = defineCommand<RespondToTicket, TicketState>({
  commandType: 'RespondToTicket',
  streamId: (payload) => ticketStreamId(payload.ticketId),
  decide(payload, state) {
    const ticket = requireOpenTicket(state, payload.ticketId);
    const { agentId, message } = payload;
    const events: TicketEvent[] = [];
    if (ticket.assigneeId === undefined) {
      events.push({ type: 'TicketAssigned', data: { ...ticketRef(ticket), agentId } });
    }
    events.push({
      type: 'TicketResponded',
      data: {
        ...ticketRef(ticket),
        agentId,
        ...(message !== undefined && { message }),
        firstResponse: ticket.firstRespondedAt === undefined,
      },
    });
    return onStream(ticketStreamId(payload.ticketId), events);
  },
});

/** The due times stay as fixed at opening. */
export const changeTicketPriority = defineCommand<ChangeTicketPriority, TicketState>({
  commandType: 'ChangeTicketPriority',
  streamId: (payload) => ticketStreamId(payload.ticketId),
  decide(payload, state) {
    const ticket = requireOpenTicket(state, payload.ticketId);
    const streamId = ticketStreamId(payload.ticketId);
    if (payload.priority === ticket.priority) return onStream(streamId, []);
    return onStream(streamId, [
      {
        type: 'TicketPriorityChanged',
        data: {
          ...ticketRef(ticket),
          priority: payload.priority,
          previousPriority: ticket.priority,
        },
      },
    ]);
  },
});
