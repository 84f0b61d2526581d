import type { EventFilter, RecordedEvent } from '@chronicle/event-store';

const anyPrefixOf = (value: string, prefixes: readonly string[] | undefined): boolean =>
  !prefixes || prefixes.length === 0 || prefixes.some((prefix) => value.startsWith(prefix));

/** The event store's filter, applied in memory: type and stream each match one of their prefixes. */
export function matchesFilter(event: RecordedEvent, filter: EventFilter | undefined): boolean {
  return (
    !filter ||
    (anyPrefixOf(event.type, filter.eventTypePrefixes) &&
      anyPrefixOf(event.streamId, filter.streamPrefixes))
  );
}

/**
 * A filter that lets through every event any of `filters` lets through: the union of their type
 * prefixes, or no filter when one of them reads everything or also narrows by stream (type and
 * stream conditions combine with AND, so their union has no exact form).
 */
export function unionFilter(
  filters: readonly (EventFilter | undefined)[],
): EventFilter | undefined {
  const types = new Set<string>();
  for (const filter of filters) {
    const typePrefixes = filter?.eventTypePrefixes ?? [];
    if (typePrefixes.length === 0 || (filter?.streamPrefixes?.length ?? 0) > 0) {
      return filters.length === 1 ? filter : undefined;
    }
    for (const prefix of typePrefixes) types.add(prefix);
  }
  return types.size === 0 ? undefined : { eventTypePrefixes: [...types] };
}
