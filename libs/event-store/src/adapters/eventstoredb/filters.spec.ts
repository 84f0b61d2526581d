import {
  EVENT_TYPE,
  STREAM_NAME,
  type RegexFilter,
  type PrefixesFilter,
} from '@eventstore/db-client';
import { isSystemEvent, matchesFilter, serverFilter } from './filters';

const event = (streamId: string, type: string): { streamId: string; type: string } => ({
  streamId,
  type,
});

describe('filters', () => {
  it('treats $-types and $-streams as system events, which no filter lets through', () => {
    expect(isSystemEvent(event('$ce-contact', '$>'))).toBe(true);
    expect(isSystemEvent(event('$$contact-1', '$metadata'))).toBe(true);
    expect(isSystemEvent(event('contact-1', 'ContactRegistered'))).toBe(false);
    expect(matchesFilter(event('$ce-contact', '$>'), undefined)).toBe(false);
    expect(matchesFilter(event('$stats', 'Stats'), { streamPrefixes: ['$'] })).toBe(false);
  });

  it('needs both lists to match when both are given', () => {
    const filter = { eventTypePrefixes: ['Contact'], streamPrefixes: ['contact-'] };
    expect(matchesFilter(event('contact-1', 'ContactMoved'), filter)).toBe(true);
    expect(matchesFilter(event('ticket-1', 'ContactMoved'), filter)).toBe(false);
    expect(matchesFilter(event('contact-1', 'TicketOpened'), filter)).toBe(false);
  });

  it('matches prefixes literally and by case', () => {
    expect(matchesFilter(event('a_b%c', 'T'), { streamPrefixes: ['a_b%'] })).toBe(true);
    expect(matchesFilter(event('axb%c', 'T'), { streamPrefixes: ['a_b%'] })).toBe(false);
    expect(matchesFilter(event('A_b%c', 'T'), { streamPrefixes: ['a_b%'] })).toBe(false);
  });

  it('lets an empty prefix list narrow nothing, like the embedded store', () => {
    expect(matchesFilter(event('contact-1', 'ContactMoved'), { eventTypePrefixes: [] })).toBe(true);
  });

  describe('on the server', () => {
    const checkpointReached = (): void => undefined;

    it('filters event types when given, leaving stream prefixes to our side', () => {
      const filter = serverFilter(
        { eventTypePrefixes: ['Contact'], streamPrefixes: ['contact-'] },
        checkpointReached,
      ) as PrefixesFilter;
      expect(filter).toMatchObject({
        filterOn: EVENT_TYPE,
        prefixes: ['Contact'],
        checkpointInterval: 1,
      });
      expect(filter.checkpointReached).toBe(checkpointReached);
    });

    it('filters stream prefixes when no event types are given', () => {
      const filter = serverFilter(
        { streamPrefixes: ['contact-'], eventTypePrefixes: [] },
        checkpointReached,
      );
      expect(filter).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['contact-'] });
    });

    it('at least excludes system events, so checkpoints still come', () => {
      const filter = serverFilter(undefined, checkpointReached) as RegexFilter;
      expect(filter.filterOn).toBe(EVENT_TYPE);
      expect(new RegExp(filter.regex).test('$>')).toBe(false);
      expect(new RegExp(filter.regex).test('ContactRegistered')).toBe(true);
      expect(filter.checkpointReached).toBe(checkpointReached);
    });
  });
});
