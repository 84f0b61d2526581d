import { formatAmount, formatDuration, formatRatio, formatTime } from './format';

describe('figure formatting', () => {
  it('shows durations in minutes below 2 h, hours below 2 days, then days', () => {
    expect(formatDuration(2100)).toBe('35 min');
    expect(formatDuration(31_980)).toBe('8.9 h');
    expect(formatDuration(189_360)).toBe('2.2 d');
    expect(formatDuration(null)).toBe('—');
  });

  it('shows ratios as percentages with one decimal, and null as a dash', () => {
    expect(formatRatio(0.8185328185328186)).toBe('81.9%');
    expect(formatRatio(-1)).toBe('-100.0%');
    expect(formatRatio(null)).toBe('—');
  });

  it('groups thousands and keeps up to two decimals', () => {
    expect(formatAmount(10_005_534)).toBe('10,005,534');
    expect(formatAmount(47.265)).toBe('47.27');
  });

  it('shows times in UTC to the second', () => {
    expect(formatTime('2016-10-25T00:00:00.000Z')).toBe('2016-10-25 00:00:00 UTC');
  });
});
