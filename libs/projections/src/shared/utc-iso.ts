// The form `Date.prototype.toISOString` writes, with an hour, minutes and seconds in range.
const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `value` as `Date.prototype.toISOString` writes it (UTC, milliseconds), or undefined when
 * `Date.parse` cannot read it. A value already in that form with a real calendar date, which is
 * how Chronicle writes every time, comes back as it is without a parse and a format: folds ask
 * this of every event, and the round trip was the largest part of an as-of replay's fold.
 */
export function normalisedUtcIso(value: string): string | undefined {
  const match = CANONICAL.exec(value);
  if (match && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return value;
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString();
}

// Date.parse accepts 2025-02-30 and rolls it over to March, so such a day must take the slow path.
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}
