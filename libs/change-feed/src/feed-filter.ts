import type { EventFilter, RecordedEvent } from '@chronicle/event-store';

/** What a feed reader or a webhook subscription selects; absent parts select everything. */
export interface FeedFilter {
  /** Exact event types; absent or empty = every type. */
  types?: readonly string[];
  /** The start of the stream ids to follow, e.g. `ticket-`. */
  streamPrefix?: string;
}

/**
 * The port's filter for a feed filter. The port matches type prefixes, so `types` narrows the
 * store's read, and {@link matchesFeedFilter} keeps the exact types afterwards.
 */
export function toStoreFilter(filter: FeedFilter): EventFilter | undefined {
  const types = filter.types !== undefined && filter.types.length > 0 ? [...filter.types] : [];
  const prefix = filter.streamPrefix ? [filter.streamPrefix] : [];
  if (types.length === 0 && prefix.length === 0) return undefined;
  return {
    ...(types.length > 0 && { eventTypePrefixes: types }),
    ...(prefix.length > 0 && { streamPrefixes: prefix }),
  };
}

export function matchesFeedFilter(event: RecordedEvent, filter: FeedFilter): boolean {
  const { types, streamPrefix } = filter;
  if (types !== undefined && types.length > 0 && !types.includes(event.type)) return false;
  return !streamPrefix || event.streamId.startsWith(streamPrefix);
}
