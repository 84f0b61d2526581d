import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chainHash, GENESIS_HASH, type JsonObject } from '@chronicle/event-store';

// What someone with write access to a stopped server's data folder can do to events.sqlite.

interface Row {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}

function withEvents<T>(dataDir: string, change: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'events.sqlite'));
  try {
    return change(db);
  } finally {
    db.close();
  }
}

/** Changes an event's data and leaves its hash as it was. */
export function editData(dataDir: string, position: string, data: JsonObject): void {
  withEvents(dataDir, (db) =>
    db
      .prepare('UPDATE events SET data = ? WHERE position = ?')
      .run(JSON.stringify(data), Number(position)),
  );
}

export function deleteEvents(dataDir: string, positions: readonly string[]): void {
  withEvents(dataDir, (db) => {
    const remove = db.prepare('DELETE FROM events WHERE position = ?');
    for (const position of positions) remove.run(Number(position));
  });
}

/** Changes an event's data and recomputes its hash and every later hash of its stream. */
export function rewriteHistory(dataDir: string, position: string, data: JsonObject): void {
  withEvents(dataDir, (db) => {
    const target = db
      .prepare('SELECT * FROM events WHERE position = ?')
      .get(Number(position)) as Row;
    const stream = db
      .prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY revision')
      .all(target.stream_id) as Row[];
    const update = db.prepare('UPDATE events SET data = ?, hash = ? WHERE position = ?');
    let previous = GENESIS_HASH;
    for (const row of stream) {
      const rowData = row.position === target.position ? JSON.stringify(data) : row.data;
      const hash = chainHash(previous, {
        streamId: row.stream_id,
        revision: row.revision,
        eventId: row.event_id,
        type: row.type,
        data: JSON.parse(rowData) as JsonObject,
        metadata: JSON.parse(row.metadata) as JsonObject,
      });
      update.run(rowData, hash, row.position);
      previous = hash;
    }
  });
}
