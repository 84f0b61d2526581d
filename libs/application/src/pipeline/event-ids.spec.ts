import { deriveEventId } from './event-ids';

describe('deriveEventId', () => {
  it('gives the same id for the same command, stream and index, so a retried append dedupes', () => {
    expect(deriveEventId('cmd-1', 'ticket-T-1', 0)).toBe(deriveEventId('cmd-1', 'ticket-T-1', 0));
  });

  it('is a version 5 UUID of the RFC variant', () => {
    expect(deriveEventId('cmd-1', 'ticket-T-1', 0)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('differs for another command, stream or index', () => {
    const ids = new Set([
      deriveEventId('cmd-1', 'ticket-T-1', 0),
      deriveEventId('cmd-2', 'ticket-T-1', 0),
      deriveEventId('cmd-1', 'ticket-T-2', 0),
      deriveEventId('cmd-1', 'ticket-T-1', 1),
      // The parts are separated, so shifting text from one part to the next changes the id.
      deriveEventId('cmd-1t', 'icket-T-1', 0),
    ]);

    expect(ids.size).toBe(5);
  });
});
