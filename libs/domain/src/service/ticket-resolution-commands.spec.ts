import { ticketOpened } from '../testing/fixtures';
import { given, type RecordedEvent } from '../testing/given';

const ref = { ticketId: 'T1', contactId: 'C1' };
const ticket = (...more: RecordedEvent[]) => ({ 'ticket-T1': [ticketOpened('T1'), ...more] });
const resolved: RecordedEvent = { type: 'TicketResolved', data: { ...ref, resolution: 'reset' } };
const reopened: RecordedEvent = { type: 'TicketReopened', data: { ...ref } };
const closed: RecordedEvent = { type: 'TicketClosed', data: { ...ref, resolvedAtClose: false } };

describe('ResolveTicket', () => {
  it('resolves an open ticket, even without a response', () => {
    given(ticket())
      .when('ResolveTicket', { ticketId: 'T1', resolution: 'reset' })
      .thenEmits([resolved]);
  });

  it('resolves a reopened ticket again', () => {
    given(ticket(resolved, reopened))
      .when('ResolveTicket', { ticketId: 'T1', resolution: 'reset' })
      .thenEmits([resolved]);
  });

  it('refuses a resolved ticket', () => {
    given(ticket(resolved))
      .when('ResolveTicket', { ticketId: 'T1', resolution: 'again' })
      .thenFails('RULE_VIOLATED', /already resolved/);
  });

  it('is NOT_FOUND for an unknown ticket and refused on a closed one', () => {
    given().when('ResolveTicket', { ticketId: 'T1', resolution: 'x' }).thenFails('NOT_FOUND');
    given(ticket(closed))
      .when('ResolveTicket', { ticketId: 'T1', resolution: 'x' })
      .thenFails('RULE_VIOLATED', /final/);
  });
});

describe('ReopenTicket', () => {
  it('reopens a resolved ticket', () => {
    given(ticket(resolved))
      .when('ReopenTicket', { ticketId: 'T1', reason: 'still broken' })
      .thenEmits([{ type: 'TicketReopened', data: { ...ref, reason: 'still broken' } }]);
  });

  it('refuses a ticket that is not resolved', () => {
    given(ticket())
      .when('ReopenTicket', { ticketId: 'T1' })
      .thenFails('RULE_VIOLATED', /T1 is open; only a resolved/);
    given(ticket(resolved, reopened))
      .when('ReopenTicket', { ticketId: 'T1' })
      .thenFails('RULE_VIOLATED', /is reopened/);
  });

  it('keeps a resolved ticket resolved after a reassignment or a follow-up response', () => {
    given(
      ticket(
        resolved,
        { type: 'TicketAssigned', data: { ...ref, agentId: 'A2' } },
        { type: 'TicketResponded', data: { ...ref, agentId: 'A2', firstResponse: true } },
      ),
    )
      .when('ReopenTicket', { ticketId: 'T1' })
      .thenEmits([reopened]);
  });

  it('is NOT_FOUND for an unknown ticket and refused on a closed one', () => {
    given().when('ReopenTicket', { ticketId: 'T1' }).thenFails('NOT_FOUND');
    given(ticket(resolved, closed))
      .when('ReopenTicket', { ticketId: 'T1' })
      .thenFails('RULE_VIOLATED', /final/);
  });
});

describe('CloseTicket', () => {
  it('closes a resolved ticket with the satisfaction given', () => {
    given(ticket(resolved))
      .when('CloseTicket', { ticketId: 'T1', satisfactionScore: 4, comment: 'ok' })
      .thenEmits([
        {
          type: 'TicketClosed',
          data: { ...ref, satisfactionScore: 4, comment: 'ok', resolvedAtClose: false },
        },
      ]);
  });

  it('counts closing an unresolved ticket as its resolution', () => {
    given(ticket(resolved, reopened))
      .when('CloseTicket', { ticketId: 'T1' })
      .thenEmits([{ type: 'TicketClosed', data: { ...ref, resolvedAtClose: true } }]);
  });

  it('refuses a closed ticket: closed is final', () => {
    given(ticket(closed))
      .when('CloseTicket', { ticketId: 'T1' })
      .thenFails('RULE_VIOLATED', /closed ticket is final/);
  });

  it('is NOT_FOUND for an unknown ticket', () => {
    given().when('CloseTicket', { ticketId: 'T1' }).thenFails('NOT_FOUND');
  });
});
