import fc from 'fast-check';
import { normalisedUtcIso } from './utc-iso';

// What the shortcut must agree with: a parse and a format, every time.
function roundTrip(value: string): string | undefined {
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString();
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

describe('normalisedUtcIso', () => {
  it('gives what a parse and a format give, for times in the canonical shape, valid or not', () => {
    const shaped = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(
        ([year, month, day, hour, minute, second, ms]) =>
          `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:` +
          `${pad(second, 2)}.${pad(ms, 3)}Z`,
      );
    fc.assert(
      fc.property(shaped, (value) => {
        expect(normalisedUtcIso(value)).toBe(roundTrip(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives what a parse and a format give, for other readable times and for noise', () => {
    const times = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z') })
      .filter((date) => !Number.isNaN(date.getTime()))
      .chain((date) =>
        fc.constantFrom(
          date.toISOString(),
          date.toISOString().replace('Z', '+02:00'),
          date.toISOString().slice(0, 19),
          date.toUTCString(),
        ),
      );
    fc.assert(
      fc.property(fc.oneof(times, fc.string()), (value) => {
        expect(normalisedUtcIso(value)).toBe(roundTrip(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('rolls over days a month does not have, as Date does, and knows leap years', () => {
    expect(normalisedUtcIso('2025-02-30T00:00:00.000Z')).toBe('2025-03-02T00:00:00.000Z');
    expect(normalisedUtcIso('2024-02-29T10:00:00.000Z')).toBe('2024-02-29T10:00:00.000Z');
    expect(normalisedUtcIso('2100-02-29T10:00:00.000Z')).toBe('2100-03-01T10:00:00.000Z');
    expect(normalisedUtcIso('2025-01-01T24:00:00.000Z')).toBe('2025-01-02T00:00:00.000Z');
    expect(normalisedUtcIso('not a time')).toBeUndefined();
  });
});
