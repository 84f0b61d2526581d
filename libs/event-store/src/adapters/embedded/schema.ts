import type Database from 'better-sqlite3';

/** Creates the events table; the file is opened durable by `openDurableDatabase`. */
export function applySchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position   INTEGER PRIMARY KEY,
      event_id   TEXT    NOT NULL UNIQUE,
      stream_id  TEXT    NOT NULL,
      revision   INTEGER NOT NULL,
      type       TEXT    NOT NULL,
      data       TEXT    NOT NULL,
      metadata   TEXT    NOT NULL,
      stored_at  TEXT    NOT NULL,
      hash       TEXT    NOT NULL,
      UNIQUE (stream_id, revision)
    );
  `);
}

export interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  stored_at: string;
  hash: string;
}

export const EVENT_COLUMNS =
  'position, event_id, stream_id, revision, type, data, metadata, stored_at, hash';

/**
 * The events of a set of streams (a JSON array) after a position and up to another, in position
 * order, at most a page. One statement for every stream instead of a round trip per stream (a customer may have
 * thousands): the page's positions come from the (stream_id, revision) index alone, which holds
 * them, and only the page's rows are then read from the table.
 */
export const READ_STREAMS_SQL =
  `SELECT ${EVENT_COLUMNS} FROM events WHERE position IN (` +
  'SELECT position FROM events WHERE stream_id IN (SELECT value FROM json_each(?))' +
  ' AND position > ? AND position <= ? ORDER BY position LIMIT ?) ORDER BY position';
