import type { RecordedEvent } from '@chronicle/event-store';
import { normalisedUtcIso } from './utc-iso';

/** The parts of a recorded event a fold reads: lets the as-of replay feed plain objects too. */
export type EventLike = Pick<RecordedEvent, 'type' | 'data' | 'metadata' | 'position'>;

/**
 * Business time of the event (`metadata.occurredAt`) as a UTC ISO string, so stored times compare
 * as strings with the normalised `from`/`to` bounds; the epoch if it is missing or unreadable.
 */
export function occurredAtOf(event: Pick<RecordedEvent, 'metadata'>): string {
  const cached = occurredAtCache.get(event.metadata);
  if (cached !== undefined) return cached;
  const value = event.metadata.occurredAt;
  const occurredAt = (typeof value === 'string' ? normalisedUtcIso(value) : undefined) ?? EPOCH;
  occurredAtCache.set(event.metadata, occurredAt);
  return occurredAt;
}

// Every projection of a cohort asks for the time of the same event object; parse it once.
const occurredAtCache = new WeakMap<object, string>();
const EPOCH = new Date(0).toISOString();

/** A string field of the event's data, or undefined when absent or not a string. */
export function stringField(data: RecordedEvent['data'], key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' ? value : undefined;
}

/** A finite number field of the event's data, or undefined. */
export function numberField(data: RecordedEvent['data'], key: string): number | undefined {
  const value = data[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Whole seconds from `from` to `to` (ISO times); never negative, as backfills can arrive out of order. */
export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}
