import type { EventFilter, JsonObject, RecordedEvent } from '../../event-store.port';
import type { EventRow } from './schema';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    revision: row.revision,
    position: String(row.position),
    data: JSON.parse(row.data) as JsonObject,
    metadata: JSON.parse(row.metadata) as JsonObject,
    storedAt: row.stored_at,
    hash: row.hash,
  };
}

/** The SQL condition and parameters that select events matching `filter`. */
export function filterClause(filter: EventFilter | undefined): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  const anyPrefix = (column: string, prefixes: string[] | undefined): void => {
    if (!prefixes || prefixes.length === 0) return;
    // instr() rather than LIKE: LIKE ignores case and treats % and _ as wildcards.
    parts.push(`(${prefixes.map(() => `instr(${column}, ?) = 1`).join(' OR ')})`);
    params.push(...prefixes);
  };
  anyPrefix('type', filter?.eventTypePrefixes);
  anyPrefix('stream_id', filter?.streamPrefixes);
  return { sql: parts.length > 0 ? ` AND ${parts.join(' AND ')}` : '', params };
}

/** Positions travel as decimal strings; inside SQLite they are 64-bit integers. */
export function parsePosition(position: string | undefined): number {
  if (position === undefined) return 0;
  if (!/^\d+$/.test(position)) throw new RangeError(`not a position: ${position}`);
  return Number(position);
}
