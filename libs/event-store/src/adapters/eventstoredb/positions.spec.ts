import { START } from '@eventstore/db-client';
import { aRecord, resolved } from './testing/records';
import {
  comparePosition,
  parsePosition,
  positionAfter,
  positionOf,
  positionToString,
  readFrom,
} from './positions';

describe('positions', () => {
  const aboveDoublePrecision = 2n ** 53n + 1n;

  it('keeps every digit of commit positions above 2^53 both ways', () => {
    expect(positionToString({ commit: aboveDoublePrecision, prepare: 0n })).toBe(
      '9007199254740993',
    );
    expect(parsePosition('9007199254740993')).toEqual({
      commit: aboveDoublePrecision,
      prepare: aboveDoublePrecision,
    });
    expect(parsePosition('18446744073709551614').commit).toBe(2n ** 64n - 2n);
  });

  it('refuses strings that are not decimal positions', () => {
    for (const bad of ['', '-1', '1.5', '0x10', ' 12']) {
      expect(() => parsePosition(bad)).toThrow(RangeError);
    }
  });

  it('reads from the start when there is no position or it is 0', () => {
    expect(positionAfter(undefined)).toBeUndefined();
    expect(positionAfter('0')).toBeUndefined();
    expect(readFrom(positionAfter('0'))).toBe(START);
    expect(readFrom(positionAfter('4200'))).toEqual({ commit: 4200n, prepare: 4200n });
  });

  it('orders by commit, then by prepare inside one transaction', () => {
    expect(comparePosition({ commit: 5n, prepare: 5n }, { commit: 7n, prepare: 1n })).toBe(-1);
    expect(comparePosition({ commit: 7n, prepare: 3n }, { commit: 7n, prepare: 1n })).toBe(1);
    expect(comparePosition({ commit: 7n, prepare: 3n }, { commit: 7n, prepare: 3n })).toBe(0);
  });

  it('takes an event position from a $all read', () => {
    const event = resolved(
      aRecord({ commit: aboveDoublePrecision, prepare: aboveDoublePrecision }),
    );
    expect(positionOf(event)).toEqual({
      commit: aboveDoublePrecision,
      prepare: aboveDoublePrecision,
    });
  });

  it('takes an event position from a stream read when the server gives one', () => {
    const event = resolved(aRecord({ commit: 77n, prepare: 77n }), 'stream');
    expect(positionOf(event)).toEqual({ commit: 77n, prepare: 77n });
  });

  it('has no position for an event the server could not place (explicit transaction, stream read)', () => {
    const event = resolved(aRecord({ inTransaction: true }), 'stream');
    expect(event.event?.position?.commit).toBe(2n ** 64n - 1n);
    expect(positionOf(event)).toBeUndefined();
  });
});
