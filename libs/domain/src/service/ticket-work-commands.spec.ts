import { contactRegistered, ticketOpened } from '../testing/fixtures';
import { at, given, NOW, type RecordedEvent } from '../testing/given';

const contact = { 'contact-C1': [contactRegistered('C1')] };
const open = {
  ticketId: 'T1',
  contactId: 'C1',
  subject: 'Cannot log in',
  priority: 'normal',
  channel: 'email',
};
const ticket = (...more: RecordedEvent[]) => ({
  ...contact,
  'ticket-T1': [ticketOpened('T1'), ...more],
});
const ref = { ticketId: 'T1', contactId: 'C1' };
const assigned = (agentId: string, extra = {}): RecordedEvent => ({
  type: 'TicketAssigned',
  data: { ...ref, agentId, ...extra },
});
const closed: RecordedEvent = { type: 'TicketClosed', data: { ...ref, resolvedAtClose: true } };
const policy = (
  occurredAt: string,
  priority: string,
  firstResponseSeconds: number,
  resolutionSeconds: number,
) =>
  at(occurredAt, {
    type: 'SlaPolicyDefined',
    data: { priority, firstResponseSeconds, resolutionSeconds },
  } as RecordedEvent);

describe('OpenTicket', () => {
  it('fixes the default due times for its priority at opening', () => {
    given(contact)
      .when('OpenTicket', { ...open, priority: 'urgent' })
      .thenEmits([
        ticketOpened('T1', {
          priority: 'urgent',
          firstResponseDueAt: '2025-03-02T11:00:00.000Z',
          resolutionDueAt: '2025-03-02T14:00:00.000Z',
        }),
      ]);
  });

  it.each([
    ['low', '2025-03-03T10:00:00.000Z', '2025-03-07T10:00:00.000Z'],
    ['normal', '2025-03-02T18:00:00.000Z', '2025-03-05T10:00:00.000Z'],
    ['high', '2025-03-02T14:00:00.000Z', '2025-03-03T10:00:00.000Z'],
  ])('applies the default policy for %s', (priority, firstResponseDueAt, resolutionDueAt) => {
    given(contact)
      .when('OpenTicket', { ...open, priority })
      .thenEmits([
        ticketOpened('T1', { priority: priority as 'low', firstResponseDueAt, resolutionDueAt }),
      ]);
  });

  it('uses the latest policy in force at its business time, for its priority', () => {
    const policies = {
      ...contact,
      'sla-policies': [
        policy('2025-01-01T00:00:00.000Z', 'normal', 600, 3600),
        policy('2025-02-01T00:00:00.000Z', 'normal', 1200, 7200),
        policy('2025-02-01T00:00:00.000Z', 'high', 60, 120),
        policy('2025-04-01T00:00:00.000Z', 'normal', 1, 2),
      ],
    };
    given(policies)
      .when('OpenTicket', open)
      .thenEmits([
        ticketOpened('T1', {
          firstResponseDueAt: '2025-03-02T10:20:00.000Z',
          resolutionDueAt: '2025-03-02T12:00:00.000Z',
        }),
      ]);
    given(policies)
      .when('OpenTicket', open, { occurredAt: '2025-01-15T00:00:00Z' })
      .thenEmits([
        ticketOpened('T1', {
          firstResponseDueAt: '2025-01-15T00:10:00.000Z',
          resolutionDueAt: '2025-01-15T01:00:00.000Z',
        }),
      ]);
  });

  it('of two policies defined at the same time, takes the later one', () => {
    given({
      ...contact,
      'sla-policies': [
        policy('2025-01-01T00:00:00Z', 'normal', 60, 60),
        policy('2025-01-01T00:00:00Z', 'normal', 120, 120),
      ],
    })
      .when('OpenTicket', open)
      .thenEmits([
        ticketOpened('T1', {
          firstResponseDueAt: '2025-03-02T10:02:00.000Z',
          resolutionDueAt: '2025-03-02T10:02:00.000Z',
        }),
      ]);
  });

  it('is NOT_FOUND for an unknown contact', () => {
    given()
      .when('OpenTicket', open)
      .thenFails('NOT_FOUND', /Contact C1/);
  });

  it('treats the same ticket again as a repeat even when policies changed since', () => {
    given({ ...ticket(), 'sla-policies': [policy('2025-01-01T00:00:00Z', 'normal', 1, 1)] })
      .when('OpenTicket', open, { occurredAt: NOW })
      .thenEmits([]);
  });

  it('refuses a different ticket for an existing id, and any repeat once closed', () => {
    given(ticket())
      .when('OpenTicket', { ...open, subject: 'Other' })
      .thenFails('ALREADY_EXISTS');
    given(ticket(closed))
      .when('OpenTicket', open)
      .thenFails('RULE_VIOLATED', /closed/);
  });
});

describe('AssignTicket', () => {
  it('assigns an agent and team, naming the previous agent', () => {
    given(ticket())
      .when('AssignTicket', { ticketId: 'T1', agentId: 'A1', teamId: 'TM' })
      .thenEmits([assigned('A1', { teamId: 'TM' })]);
    given(ticket(assigned('A1')))
      .when('AssignTicket', { ticketId: 'T1', agentId: 'A2' })
      .thenEmits([assigned('A2', { previousAgentId: 'A1' })]);
  });

  it('answers no events for the same agent and team', () => {
    given(ticket(assigned('A1', { teamId: 'TM' })))
      .when('AssignTicket', { ticketId: 'T1', agentId: 'A1' })
      .thenEmits([]);
  });

  it('is NOT_FOUND for an unknown ticket and refused on a closed one', () => {
    given()
      .when('AssignTicket', { ticketId: 'T1', agentId: 'A1' })
      .thenFails('NOT_FOUND', /Ticket T1/);
    given(ticket(closed))
      .when('AssignTicket', { ticketId: 'T1', agentId: 'A1' })
      .thenFails('RULE_VIOLATED', /final/);
  });
});

describe('RespondToTicket', () => {
  const responded = (agentId: string, firstResponse: boolean, extra = {}): RecordedEvent => ({
    type: 'TicketResponded',
    data: { ...ref, agentId, ...extra, firstResponse },
  });

  it('assigns an unassigned ticket to the first responder', () => {
    given(ticket())
      .when('RespondToTicket', { ticketId: 'T1', agentId: 'A1', message: 'Try a reset' })
      .thenEmits([assigned('A1'), responded('A1', true, { message: 'Try a reset' })]);
  });

  it('keeps the assignee and marks later responses as not first', () => {
    given(ticket(assigned('A1'), responded('A1', true)))
      .when('RespondToTicket', { ticketId: 'T1', agentId: 'A2' })
      .thenEmits([responded('A2', false)]);
  });

  it('is allowed on a resolved ticket', () => {
    given(ticket({ type: 'TicketResolved', data: { ...ref, resolution: 'reset' } }))
      .when('RespondToTicket', { ticketId: 'T1', agentId: 'A1' })
      .thenEmits([assigned('A1'), responded('A1', true)]);
  });

  it('is NOT_FOUND for an unknown ticket and refused on a closed one', () => {
    given().when('RespondToTicket', { ticketId: 'T1', agentId: 'A1' }).thenFails('NOT_FOUND');
    given(ticket(closed))
      .when('RespondToTicket', { ticketId: 'T1', agentId: 'A1' })
      .thenFails('RULE_VIOLATED');
  });
});

describe('ChangeTicketPriority', () => {
  it('changes the priority without touching the due times', () => {
    given(ticket())
      .when('ChangeTicketPriority', { ticketId: 'T1', priority: 'urgent' })
      .thenEmits([
        {
          type: 'TicketPriorityChanged',
          data: { ...ref, priority: 'urgent', previousPriority: 'normal' },
        },
      ]);
  });

  it('answers no events for the same priority', () => {
    given(ticket())
      .when('ChangeTicketPriority', { ticketId: 'T1', priority: 'normal' })
      .thenEmits([]);
  });

  it('is NOT_FOUND for an unknown ticket and refused on a closed one', () => {
    given()
      .when('ChangeTicketPriority', { ticketId: 'T1', priority: 'low' })
      .thenFails('NOT_FOUND');
    given(ticket(closed))
      .when('ChangeTicketPriority', { ticketId: 'T1', priority: 'low' })
      .thenFails('RULE_VIOLATED');
  });
});
