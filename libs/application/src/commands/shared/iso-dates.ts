const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// The time part may omit seconds (ISO 8601 allows hh:mm) but never the offset: a local time
// without one means a different instant on every server.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** `YYYY-MM-DD` naming a real calendar day (Date.parse would turn 2025-02-30 into March 2nd). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  return match !== null && isCalendarDay(match[1], match[2], match[3]);
}

/** An ISO-8601 date-time with a `Z` or `±hh:mm` offset, e.g. `2025-03-01T09:30:00Z`. */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_TIME.exec(value);
  if (match === null) return false;
  const [, year, month, day, hour, minute, second, offsetHour, offsetMinute] = match;
  return (
    isCalendarDay(year, month, day) &&
    isAtMost(hour, 23) &&
    isAtMost(minute, 59) &&
    isAtMost(second, 59) &&
    isAtMost(offsetHour, 23) &&
    isAtMost(offsetMinute, 59)
  );
}

function isCalendarDay(year = '', month = '', day = ''): boolean {
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  if (monthNumber < 1 || monthNumber > 12 || dayNumber < 1) return false;
  // Day 0 of the next month is the last day of this one. setUTCFullYear, unlike Date.UTC, does
  // not read years 0–99 as 1900–1999.
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(Number(year), monthNumber, 0);
  return dayNumber <= lastDay.getUTCDate();
}

/** Absent optional parts (seconds, a `Z` offset) pass. */
function isAtMost(part: string | undefined, max: number): boolean {
  return part === undefined || Number(part) <= max;
}
