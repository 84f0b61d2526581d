import fc from 'fast-check';
import { addAmounts, nearestRank, nearestRankMedian, ratioOrNull } from './percentiles';

describe('nearest-rank percentiles', () => {
  it('takes the value at rank ⌈p/100 · n⌉ of the sorted values', () => {
    // n = 4: median rank ⌈2⌉ = 2nd (20); p90 rank ⌈3.6⌉ = 4th (40).
    expect(nearestRankMedian([40, 10, 30, 20])).toBe(20);
    expect(nearestRank([40, 10, 30, 20], 90)).toBe(40);
    // n = 5: median rank ⌈2.5⌉ = 3rd.
    expect(nearestRankMedian([5, 1, 4, 2, 3])).toBe(3);
    expect(nearestRank([7], 0)).toBe(7);
  });

  it('answers null without values', () => {
    expect(nearestRankMedian([])).toBeNull();
  });

  it('selects what sorting would find, duplicates included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: 100 }),
        (values, percent) => {
          const sorted = [...values].sort((a, b) => a - b);
          const rank = Math.max(0, Math.ceil((percent / 100) * values.length) - 1);
          expect(nearestRank(values, percent)).toBe(sorted[rank]);
        },
      ),
    );
  });
});

describe('ratioOrNull and addAmounts', () => {
  it('is null for a zero divisor only', () => {
    expect(ratioOrNull(1, 0)).toBeNull();
    expect(ratioOrNull(0, 4)).toBe(0);
    expect(ratioOrNull(-200, 1000)).toBe(-0.2);
  });

  it('sums money to the millionth', () => {
    expect(addAmounts(0.1, 0.2)).toBe(0.3);
    expect(addAmounts(800, -200)).toBe(600);
  });
});
