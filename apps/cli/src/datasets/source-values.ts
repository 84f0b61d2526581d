import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';

/** `Gekko & Co` → `gekko-co`: a readable piece of an id or idempotency key. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A `YYYY-MM-DD` day as the ISO instant of its start in UTC: the datasets give no time zone. */
export function startOfDayUtc(day: string): string {
  return `${day}T00:00:00Z`;
}

/** The value, or undefined when blank: optional payload fields are left out, not sent empty. */
export function presentOrUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** A payload without its undefined fields, so that it compares equal to what JSON would carry. */
export function compact<T extends Record<string, unknown>>(payload: T): Compact<T> {
  return Object.fromEntries(
    Object.entries(payload).filter(([, value]) => value !== undefined),
  ) as Compact<T>;
}

/** `T` with its possibly undefined fields made optional instead. */
export type Compact<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * Reads a CSV file whose first row names the columns, one record per row. Fields are kept as
 * written (no trimming), so the plans see the source; a leading UTF-8 BOM is skipped.
 * @throws CsvError when a row's field count differs from the header's or a quote is never closed.
 */
export async function readCsvFile(
  path: string,
  delimiter = ',',
): Promise<Record<string, string>[]> {
  const records: Record<string, string>[] = [];
  // pipeline, not pipe: a read error (a missing file) must reject rather than leave the loop waiting.
  await pipeline(
    createReadStream(path),
    parse({ columns: true, bom: true, delimiter }),
    async (rows: AsyncIterable<Record<string, string>>) => {
      for await (const row of rows) records.push(row);
    },
  );
  return records;
}
