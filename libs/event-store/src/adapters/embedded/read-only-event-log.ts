import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ReadStreamOptions, RecordedEvent } from '../../event-store.port';
import { parsePosition, toRecordedEvent } from './event-rows';
import { EVENT_COLUMNS, type EventRow } from './schema';

/**
 * The embedded log of a data folder opened read-only, without the process lock, for offline
 * inspection (`cli verify`): it never writes, so it cannot repair or hide what it reads.
 */
export class ReadOnlyEventLog {
  private constructor(private readonly db: Database.Database) {}

  /** @throws Error when the folder holds no event store. */
  static open(directory: string): ReadOnlyEventLog {
    const db = new Database(join(directory, 'events.sqlite'), {
      readonly: true,
      fileMustExist: true,
    });
    return new ReadOnlyEventLog(db);
  }

  readAll(options: { after?: string; maxCount?: number } = {}): Promise<RecordedEvent[]> {
    const rows = this.db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .all(parsePosition(options.after), options.maxCount ?? -1) as EventRow[];
    return Promise.resolve(rows.map(toRecordedEvent));
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const rows = this.db
      .prepare(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .all(streamId, options.fromRevision ?? 0, options.maxCount ?? -1) as EventRow[];
    return Promise.resolve(rows.map(toRecordedEvent));
  }

  close(): void {
    this.db.close();
  }
}
