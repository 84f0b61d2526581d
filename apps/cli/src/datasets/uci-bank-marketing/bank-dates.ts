const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The first year of bank-full.csv (May 2008 to November 2010). */
export const BANK_FIRST_YEAR = 2008;

/**
 * The last-contact day of every row, as `YYYY-MM-DD`. The file gives day and month only, but its
 * rows are in date order: a month smaller than the previous row's starts the next year.
 * @throws Error for an unknown month name.
 */
export function lastContactDays(rows: readonly Record<string, string>[]): string[] {
  let year = BANK_FIRST_YEAR;
  let previousMonth = -1;
  return rows.map((row) => {
    const month = MONTHS.indexOf(row.month ?? '');
    if (month < 0) throw new Error(`Unknown month ${JSON.stringify(row.month)}`);
    if (month < previousMonth) year += 1;
    previousMonth = month;
    const day = Number(row.day);
    return `${year}-${pad(month + 1)}-${pad(day)}`;
  });
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
