import {
  BACKWARDS,
  END,
  FORWARDS,
  type AllStreamResolvedEvent,
  type Direction,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';
import type { ReadAllOptions, RecordedEvent } from '../../event-store.port';
import { fromResolvedEvent } from './event-envelope';
import { collect, type EsdbClient } from './esdb-client';
import { isSystemEvent, matchesFilter } from './filters';
import {
  comparePosition,
  positionAfter,
  positionOf,
  positionToString,
  readFrom,
} from './positions';

const PAGE = 512;

interface Scanned {
  resolved: AllStreamResolvedEvent;
  position: Position;
}

/**
 * Every event of $all from `from` on, page by page. A page starts at (and may include) the event
 * it was asked from, so anything not beyond the last event seen (or beyond `after`) is dropped.
 */
export async function* scanAll(
  client: EsdbClient,
  direction: Direction,
  from: { after?: Position; pageSize: number },
): AsyncGenerator<Scanned> {
  let last = from.after;
  let cursor: ReadPosition = direction === FORWARDS ? readFrom(last) : (last ?? END);
  for (;;) {
    const page = await collect(
      client.readAll({ fromPosition: cursor, direction, maxCount: from.pageSize }),
    );
    let fresh = 0;
    for (const resolved of page) {
      const position = positionOf(resolved);
      if (!position) continue;
      if (last !== undefined && !isBeyond(position, last, direction)) continue;
      last = position;
      fresh += 1;
      yield { resolved, position };
    }
    if (page.length < from.pageSize || fresh === 0 || last === undefined) return;
    cursor = last;
  }
}

function isBeyond(position: Position, last: Position, direction: Direction): boolean {
  const order = comparePosition(position, last);
  return direction === FORWARDS ? order > 0 : order < 0;
}

/**
 * EventStoreDB's readAll takes no server-side filter in this client, so the filter is applied
 * here. The events of one explicit transaction share a commit position, and a caller pages on
 * with `after` set to the last position it got; ending a page inside such a group would skip its
 * remaining events, so the page grows past `maxCount` until the group is complete. Events of
 * normal appends each have their own commit position, so this only matters for data written by
 * legacy TCP clients.
 */
export async function readAllEvents(
  client: EsdbClient,
  options: ReadAllOptions,
): Promise<RecordedEvent[]> {
  const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
  if (maxCount <= 0) return [];
  const pageSize = options.filter ? PAGE : Math.min(PAGE, maxCount + 1);
  const events: RecordedEvent[] = [];
  let lastCommit: bigint | undefined;
  for await (const { resolved, position } of scanAll(client, FORWARDS, {
    after: positionAfter(options.after),
    pageSize,
  })) {
    if (events.length >= maxCount && position.commit !== lastCommit) break;
    const event = fromResolvedEvent(resolved, position);
    if (!event || !matchesFilter(event, options.filter)) continue;
    events.push(event);
    lastCommit = position.commit;
  }
  return events;
}

/**
 * The position of the last event the port shows. Read backwards past system events: with system
 * projections running, EventStoreDB writes link events after each append, and a head that no
 * filtered reader or subscriber can ever reach would make "wait until caught up" wait forever.
 */
export async function headPosition(client: EsdbClient): Promise<string> {
  for await (const { resolved, position } of scanAll(client, BACKWARDS, { pageSize: 64 })) {
    if (resolved.event && !isSystemEvent(resolved.event)) return positionToString(position);
  }
  return '0';
}

/** The last position of $all, system events included: what a new subscription has to scan. */
export async function rawHead(client: EsdbClient): Promise<Position | undefined> {
  const [last] = await collect(
    client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }),
  );
  return last ? positionOf(last) : undefined;
}
