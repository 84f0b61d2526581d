import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import {
  fromClientExpectedRevision,
  fromCurrentRevision,
  toClientExpectedRevision,
  toRevision,
} from './expected-revision';

describe('expected revisions', () => {
  it('maps each of the four modes to the client and back', () => {
    const pairs = [
      ['any', ANY],
      ['no_stream', NO_STREAM],
      ['stream_exists', STREAM_EXISTS],
      [0, 0n],
      [41, 41n],
    ] as const;
    for (const [ours, theirs] of pairs) {
      expect(toClientExpectedRevision(ours)).toBe(theirs);
      expect(fromClientExpectedRevision(theirs)).toBe(ours);
    }
  });

  it('reads the current revision the server reports, or no stream', () => {
    expect(fromCurrentRevision(NO_STREAM)).toBe('no_stream');
    expect(fromCurrentRevision(12n)).toBe(12);
  });

  it('refuses a revision a JS number cannot hold exactly', () => {
    expect(toRevision(2n ** 53n - 1n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toRevision(2n ** 53n)).toThrow(RangeError);
  });
});
