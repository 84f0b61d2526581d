/**
 * True when the `Accept` header prefers `text/csv` to `application/json`. Each type takes the
 * quality of the most specific range that covers it (`text/csv`, then `text/*`, then any type);
 * CSV wins with a quality above zero that is higher than JSON's, or equal but from a more specific
 * range, or as specific and listed first. So no header, or one accepting anything, answers JSON;
 * `text/csv` alone, or `text/csv, application/json`, answers CSV.
 */
export function acceptsCsv(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  const ranges = accept.split(',').map(mediaRange);
  const csv = preference(ranges, 'text', 'csv');
  const json = preference(ranges, 'application', 'json');
  if (csv.quality <= 0 || csv.quality !== json.quality) return csv.quality > json.quality;
  if (csv.specificity !== json.specificity) return csv.specificity > json.specificity;
  return csv.index < json.index;
}

interface MediaRange {
  type: string;
  subtype: string;
  quality: number;
}

interface Preference {
  quality: number;
  specificity: number;
  /** Where the deciding range stands in the header. */
  index: number;
}

function mediaRange(text: string): MediaRange {
  const [name = '', ...parameters] = text.split(';').map((part) => part.trim().toLowerCase());
  const [type = '', subtype = ''] = name.split('/');
  const q = parameters.find((parameter) => parameter.startsWith('q='));
  const quality = q === undefined ? 1 : Number(q.slice(2));
  return { type, subtype, quality: Number.isFinite(quality) ? quality : 0 };
}

function preference(ranges: readonly MediaRange[], type: string, subtype: string): Preference {
  let best: Preference = { quality: 0, specificity: -1, index: ranges.length };
  ranges.forEach((range, index) => {
    const specificity = specificityFor(range, type, subtype);
    if (specificity > best.specificity) best = { quality: range.quality, specificity, index };
  });
  return best;
}

function specificityFor(range: MediaRange, type: string, subtype: string): number {
  if (range.type === type && range.subtype === subtype) return 2;
  if (range.type === type && range.subtype === '*') return 1;
  if (range.type === '*' && range.subtype === '*') return 0;
  return -1;
}
