export function addSeconds(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString();
}

/** Compares instants, not strings: ISO-8601 texts with different offsets sort wrongly as text. */
export function isAfter(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}
