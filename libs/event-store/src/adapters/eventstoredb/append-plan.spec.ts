import type { RecordedEvent } from '../../event-store.port';
import { GENESIS_HASH } from '../../hash-chain';
import { planAppend } from './append-plan';

/** A stream's events holding `ids`, the first at `from`. */
function stored(ids: string[], from = 0): RecordedEvent[] {
  return ids.map((eventId, index) => ({
    eventId,
    type: 'TestHappened',
    streamId: 'test-1',
    revision: from + index,
    position: String(1000 + from + index),
    data: {},
    metadata: {},
    storedAt: '2025-01-01T00:00:00.000Z',
    hash: `hash-${from + index}`,
  }));
}

describe('planning an append', () => {
  describe('writes when the stream is as expected and the ids are new', () => {
    it('starts a new stream from the genesis hash', () => {
      for (const expected of ['no_stream', 'any'] as const) {
        expect(planAppend(expected, [], ['x'])).toEqual({
          action: 'write',
          head: undefined,
          previousHash: GENESIS_HASH,
        });
      }
    });

    it('chains to the last event of an existing stream', () => {
      for (const expected of [2, 'any', 'stream_exists'] as const) {
        expect(planAppend(expected, stored(['a', 'b', 'c']), ['x'])).toEqual({
          action: 'write',
          head: 2,
          previousHash: 'hash-2',
        });
      }
    });
  });

  describe('refuses a stream not in the expected state, naming its actual revision', () => {
    it.each([
      ['no_stream', stored(['a']), 0],
      ['stream_exists', [], 'no_stream'],
      [0, [], 'no_stream'],
      [0, stored(['a', 'b']), 1],
      [5, stored(['a', 'b']), 1],
    ] as const)('expected %p', (expected, tail, actual) => {
      expect(planAppend(expected, tail, ['x'])).toEqual({ action: 'refuse', actual });
    });
  });

  describe('recognises a retry', () => {
    it('by the revisions its expectation gives it, even after later appends', () => {
      const tail = stored(['a', 'x', 'y', 'later']);
      expect(planAppend(0, tail, ['x', 'y'])).toEqual({
        action: 'replay',
        events: tail.slice(1, 3),
      });
      expect(planAppend('no_stream', tail, ['a'])).toEqual({
        action: 'replay',
        events: tail.slice(0, 1),
      });
    });

    it('under any or stream_exists, as a whole unbroken run anywhere in the tail', () => {
      const tail = stored(['a', 'x', 'y', 'later']);
      for (const expected of ['any', 'stream_exists'] as const) {
        expect(planAppend(expected, tail, ['x', 'y'])).toEqual({
          action: 'replay',
          events: tail.slice(1, 3),
        });
      }
    });

    it('asks for the revisions a retry stands at when the tail does not reach back to them', () => {
      const tail = stored(['p', 'q'], 40);
      expect(planAppend(9, tail, ['x', 'y'])).toEqual({ action: 'read-target', fromRevision: 10 });
      const target = stored(['x', 'y'], 10);
      expect(planAppend(9, tail, ['x', 'y'], target)).toEqual({ action: 'replay', events: target });
    });
  });

  describe('refuses ids already stored otherwise', () => {
    it('as a conflict when the retry starts where expected but goes on differently', () => {
      expect(planAppend('no_stream', stored(['x', 'y']), ['x', 'other'])).toEqual({
        action: 'conflict',
        eventId: 'other',
      });
      expect(planAppend(0, stored(['a', 'x']), ['x', 'y'])).toEqual({
        action: 'conflict',
        eventId: 'y',
      });
    });

    it('as a wrong revision when the ids stand elsewhere than the expectation puts them', () => {
      expect(planAppend(1, stored(['a', 'x', 'y', 'later']), ['x', 'y'])).toEqual({
        action: 'refuse',
        actual: 3,
      });
    });

    it('as a conflict when a matching expectation would store ids the stream already holds', () => {
      expect(planAppend(2, stored(['a', 'x', 'b']), ['x'])).toEqual({
        action: 'conflict',
        eventId: 'x',
      });
    });

    it('as a conflict under any when only part of the append, or another order, is stored', () => {
      expect(planAppend('any', stored(['x', 'a']), ['x', 'y'])).toEqual({
        action: 'conflict',
        eventId: 'x',
      });
      expect(planAppend('any', stored(['y', 'x']), ['x', 'y'])).toEqual({
        action: 'conflict',
        eventId: 'y',
      });
      expect(planAppend('any', stored(['x', 'a', 'y']), ['x', 'y'])).toEqual({
        action: 'conflict',
        eventId: 'x',
      });
    });
  });
});
