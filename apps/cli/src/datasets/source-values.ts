import { readFileSync } from 'node:fs';
import { type CsvOptions, parseCsvRecords } from '../csv/csv-parser';

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

/** Reads a whole CSV file (the largest dataset file is 20 MB, so no streaming is needed). */
export function readCsvFile(path: string, options?: CsvOptions): Record<string, string>[] {
  return parseCsvRecords(readFileSync(path, 'utf8'), options);
}
