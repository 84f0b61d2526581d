// How figures read on every page: fixed English formatting, so a figure looks the same for every
// reader and in every screenshot; null (a ratio over zero, a median of nothing) is an em dash.
const NONE = '—';

const integers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const amounts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? NONE : integers.format(value);
}

export function formatAmount(value: number | null | undefined): string {
  return value === null || value === undefined ? NONE : amounts.format(value);
}

/** A ratio as a percentage with one decimal: 0.8185 → `81.9%`. */
export function formatRatio(value: number | null | undefined): string {
  return value === null || value === undefined ? NONE : `${oneDecimal.format(value * 100)}%`;
}

export function formatDecimal(value: number | null | undefined): string {
  return value === null || value === undefined ? NONE : oneDecimal.format(value);
}

/** Seconds in the unit that reads best: minutes below 2 h, hours below 2 days, else days. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return NONE;
  if (seconds < 7200) return `${integers.format(seconds / 60)} min`;
  if (seconds < 172_800) return `${oneDecimal.format(seconds / 3600)} h`;
  return `${oneDecimal.format(seconds / 86_400)} d`;
}

/** An ISO time as `2016-10-25 00:00:00 UTC`: business times are UTC in the API. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return NONE;
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return `${time.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A long hex value cut to its ends, for display next to the full value in a tooltip. */
export function shortHash(hex: string): string {
  return hex.length <= 20 ? hex : `${hex.slice(0, 10)}…${hex.slice(-8)}`;
}
