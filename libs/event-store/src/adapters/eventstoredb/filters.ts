import {
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type Filter,
  type FilterOptions,
} from '@eventstore/db-client';
import type { EventFilter } from '../../event-store.port';

type CheckpointReached = NonNullable<FilterOptions['checkpointReached']>;

/** EventStoreDB's own events and streams start with '$'; the port never shows them. */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** The whole filter, applied on our side; an empty prefix list narrows nothing, as in the embedded store. */
export function matchesFilter(
  event: { streamId: string; type: string },
  filter: EventFilter | undefined,
): boolean {
  if (isSystemEvent(event)) return false;
  return (
    startsWithAny(event.type, filter?.eventTypePrefixes) &&
    startsWithAny(event.streamId, filter?.streamPrefixes)
  );
}

/**
 * The part of the filter the server applies to a subscription. It takes one kind of prefix only,
 * so event types go to the server when given (the stream prefixes are then checked on our side by
 * `matchesFilter`), else stream prefixes, else just the exclusion of system events. A checkpoint
 * is asked for at every search window (32 events read), so a subscriber whose filter matches
 * nothing still moves on.
 */
export function serverFilter(
  filter: EventFilter | undefined,
  checkpointReached: CheckpointReached,
): Filter {
  const options = { checkpointInterval: 1, checkpointReached };
  if (filter?.eventTypePrefixes?.length) {
    return eventTypeFilter({ ...options, prefixes: filter.eventTypePrefixes });
  }
  if (filter?.streamPrefixes?.length) {
    return streamNameFilter({ ...options, prefixes: filter.streamPrefixes });
  }
  return excludeSystemEvents(options);
}

function startsWithAny(value: string, prefixes: string[] | undefined): boolean {
  if (!prefixes || prefixes.length === 0) return true;
  return prefixes.some((prefix) => value.startsWith(prefix));
}
