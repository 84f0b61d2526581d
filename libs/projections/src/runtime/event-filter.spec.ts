import type { RecordedEvent } from '@chronicle/event-store';
import { matchesFilter, unionFilter } from './event-filter';

const event = (type: string, streamId: string): RecordedEvent =>
  ({ type, streamId }) as RecordedEvent;

describe('event filters in memory', () => {
  it('match like the event store: a prefix of the type and one of the stream, case and all', () => {
    const filter = { eventTypePrefixes: ['Ticket', 'Deal'], streamPrefixes: ['ticket-'] };
    expect(matchesFilter(event('TicketOpened', 'ticket-1'), filter)).toBe(true);
    expect(matchesFilter(event('TicketOpened', 'deal-1'), filter)).toBe(false);
    expect(matchesFilter(event('ticketOpened', 'ticket-1'), filter)).toBe(false);
    expect(matchesFilter(event('ContactRegistered', 'ticket-1'), filter)).toBe(false);
    expect(matchesFilter(event('Anything', 'any'), { eventTypePrefixes: [] })).toBe(true);
    expect(matchesFilter(event('Anything', 'any'), undefined)).toBe(true);
  });

  it('join type prefixes, and read everything once one filter reads everything or names streams', () => {
    const tickets = { eventTypePrefixes: ['Ticket'] };
    const deals = { eventTypePrefixes: ['Deal', 'Ticket'] };
    const ticketStreams = { streamPrefixes: ['ticket-'] };
    expect(unionFilter([tickets, deals])).toEqual({ eventTypePrefixes: ['Ticket', 'Deal'] });
    expect(unionFilter([tickets, undefined])).toBeUndefined();
    expect(unionFilter([tickets, ticketStreams])).toBeUndefined();
    expect(unionFilter([ticketStreams])).toBe(ticketStreams);
    expect(unionFilter([])).toBeUndefined();
  });
});
