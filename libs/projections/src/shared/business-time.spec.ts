import fc from 'fast-check';
import { compareBusinessTime, type Fact, factsAsOf, foldAsOf, withFact } from './business-time';

const fact = (position: number, occurredAt: string, type = 'Happened'): Fact => ({
  type,
  position: String(position),
  occurredAt,
  data: {},
});

describe('business-time facts', () => {
  it('keeps facts in business-time order, ties by position, whatever order they arrive in', () => {
    const arbitraryFacts = fc.uniqueArray(
      fc.record({
        position: fc.integer({ min: 1, max: 1e6 }),
        day: fc.integer({ min: 1, max: 9 }),
      }),
      { selector: (f) => f.position, maxLength: 30 },
    );
    fc.assert(
      fc.property(arbitraryFacts, (arrivals) => {
        const facts = arrivals
          .map(({ position, day }) => fact(position, `2025-01-0${day}T00:00:00.000Z`))
          .reduce<Fact[]>((held, next) => withFact(held, next), []);
        const expected = [...facts].sort(
          (a, b) =>
            a.occurredAt.localeCompare(b.occurredAt) || Number(a.position) - Number(b.position),
        );
        expect(facts).toEqual(expected);
        expect(facts).toHaveLength(arrivals.length);
      }),
    );
  });

  it('does not hold the same position twice', () => {
    const once = withFact([], fact(7, '2025-01-01T00:00:00.000Z'));
    expect(withFact(once, fact(7, '2025-01-01T00:00:00.000Z'))).toEqual(once);
  });

  it('compares positions as numbers, beyond 2^53 too', () => {
    const at = '2025-01-01T00:00:00.000Z';
    const small = { occurredAt: at, position: '9007199254740993' };
    const large = { occurredAt: at, position: '10000000000000000000' };
    expect(compareBusinessTime(small, large)).toBeLessThan(0);
    expect(compareBusinessTime(large, small)).toBeGreaterThan(0);
  });

  it('folds only what had happened by the moment, inclusive', () => {
    const facts = [
      fact(3, '2025-01-01T00:00:00.000Z', 'a'),
      fact(1, '2025-01-02T00:00:00.000Z', 'b'),
      fact(2, '2025-01-03T00:00:00.000Z', 'c'),
    ].reduce<Fact[]>((held, next) => withFact(held, next), []);
    expect(factsAsOf(facts, '2025-01-02T00:00:00.000Z').map((f) => f.type)).toEqual(['a', 'b']);
    const types = (validAt: string) =>
      foldAsOf<string>(facts, validAt, (seen, event) => `${seen ?? ''}${event.type}`);
    expect(types('2024-12-31T00:00:00.000Z')).toBeUndefined();
    expect(types('2025-01-03T00:00:00.000Z')).toBe('abc');
  });
});
