import type Database from 'better-sqlite3';
import type { ErasureCheckpoint, ErasureCheckpoints } from '../../erasure/erasure-checkpoint.port';
import { settleOn } from './sqlite-failures';

interface CheckpointRow {
  position: string;
  event_id: string | null;
}

/** The erasure checkpoint of one SQLite file, in a one-row table of that file. */
export class SqliteErasureCheckpoint implements ErasureCheckpoints {
  private readonly select: Database.Statement<[], CheckpointRow>;
  private readonly upsert: Database.Statement<[string, string | null]>;

  constructor(
    db: Database.Database,
    private readonly file: string,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS erasure_checkpoint (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        position TEXT NOT NULL,
        event_id TEXT
      )
    `);
    this.select = db.prepare('SELECT position, event_id FROM erasure_checkpoint WHERE id = 1');
    this.upsert = db.prepare(`
      INSERT INTO erasure_checkpoint (id, position, event_id) VALUES (1, ?, ?)
      ON CONFLICT (id) DO UPDATE SET position = excluded.position, event_id = excluded.event_id
    `);
  }

  read(): Promise<ErasureCheckpoint | undefined> {
    return settleOn(this.file, () => {
      const row = this.select.get();
      if (!row) return undefined;
      return row.event_id === null
        ? { position: row.position }
        : { position: row.position, eventId: row.event_id };
    });
  }

  write({ position, eventId }: ErasureCheckpoint): Promise<void> {
    return settleOn(this.file, () => {
      this.upsert.run(position, eventId ?? null);
    });
  }
}
