/** One incident's audit rows, in the order their updates happened. */
export interface Incident {
  number: string;
  /** Sorted by `sys_updated_at`; ties by `sys_mod_count`, then by their order in the file. */
  rows: Record<string, string>[];
}

const MISSING = '?';

/** `?` is the dataset's missing value. */
export function known(value: string | undefined): string | undefined {
  return value === undefined || value === MISSING || value.trim() === '' ? undefined : value;
}

/**
 * `29/2/2016 01:16` (d/m/yyyy HH:MM, no zero padding) as an ISO instant. The log gives no time
 * zone; it is read as UTC, which keeps every duration exact whatever the zone was.
 * @throws Error for any other shape.
 */
export function parseIncidentTime(value: string): string {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})$/.exec(value);
  if (!match) throw new Error(`Not an incident-log date: ${JSON.stringify(value)}`);
  const [day, month, year, hour, minute] = match.slice(1).map(Number);
  const instant = new Date(Date.UTC(year!, month! - 1, day, hour, minute));
  return instant.toISOString().replace('.000Z', 'Z');
}

/** Groups the log by incident (in order of first appearance) and sorts each one's rows. */
export function groupIncidents(rows: readonly Record<string, string>[]): Incident[] {
  const byNumber = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    const number = row.number!;
    const list = byNumber.get(number);
    if (list) list.push(row);
    else byNumber.set(number, [row]);
  }
  return [...byNumber].map(([number, incidentRows]) => ({
    number,
    rows: sortByUpdate(incidentRows),
  }));
}

function sortByUpdate(rows: Record<string, string>[]): Record<string, string>[] {
  const keyed = rows.map((row, index) => ({
    row,
    index,
    at: Date.parse(parseIncidentTime(row.sys_updated_at!)),
    mod: Number(row.sys_mod_count),
  }));
  keyed.sort((a, b) => a.at - b.at || a.mod - b.mod || a.index - b.index);
  return keyed.map(({ row }) => row);
}
