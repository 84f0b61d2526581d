import type Database from 'better-sqlite3';
import { openDurableDatabase } from '@chronicle/embedded-sqlite';
import type { PendingTimer, TimerPayload } from '../../timer-scheduler.port';

/** A stored timer: `dueAt` is its true due time, `fireAt` when the next delivery is due. */
export interface TimerRow {
  timerId: string;
  dueAt: number;
  fireAt: number;
  payload: TimerPayload;
  failures: number;
}

interface RawRow {
  timer_id: string;
  due_at: number;
  fire_at: number;
  payload: string;
  failures: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS timers (
    timer_id TEXT PRIMARY KEY,
    due_at INTEGER NOT NULL,
    fire_at INTEGER NOT NULL,
    payload TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX IF NOT EXISTS timers_by_fire_at ON timers (fire_at);
  CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL);
`;

/** The embedded scheduler's SQLite file: pending timers and subscriber checkpoints. */
export class TimerTable {
  private constructor(private readonly db: Database.Database) {}

  /** Opens (creating it when missing) the file; WAL + synchronous=FULL so a timer survives power loss. */
  static open(path: string): TimerTable {
    const db = openDurableDatabase(path, { busyTimeoutMs: 5000 });
    try {
      db.exec(SCHEMA);
      return new TimerTable(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Inserts the timer unless one with its id is pending; true when it was inserted. */
  insert(timerId: string, dueAt: number, payload: TimerPayload): boolean {
    const result = this.db
      .prepare(
        'INSERT OR IGNORE INTO timers (timer_id, due_at, fire_at, payload) VALUES (?, ?, ?, ?)',
      )
      .run(timerId, dueAt, dueAt, JSON.stringify(payload));
    return result.changes > 0;
  }

  delete(timerId: string): void {
    this.db.prepare('DELETE FROM timers WHERE timer_id = ?').run(timerId);
  }

  get(timerId: string): PendingTimer | undefined {
    const row = this.db.prepare('SELECT * FROM timers WHERE timer_id = ?').get(timerId) as
      RawRow | undefined;
    return row && { dueAt: new Date(row.due_at), payload: JSON.parse(row.payload) as TimerPayload };
  }

  /** When the earliest timer should fire, or undefined when none is pending. */
  nextFireAt(): number | undefined {
    const row = this.db.prepare('SELECT MIN(fire_at) AS next FROM timers').get() as {
      next: number | null;
    };
    return row.next ?? undefined;
  }

  /** Timers whose delivery is due at `now`, earliest first. */
  due(now: number, limit: number): TimerRow[] {
    const rows = this.db
      .prepare('SELECT * FROM timers WHERE fire_at <= ? ORDER BY fire_at LIMIT ?')
      .all(now, limit) as RawRow[];
    return rows.map((row) => ({
      timerId: row.timer_id,
      dueAt: row.due_at,
      fireAt: row.fire_at,
      payload: JSON.parse(row.payload) as TimerPayload,
      failures: row.failures,
    }));
  }

  /** Records a failed delivery and when to try again. */
  postpone(timerId: string, fireAt: number, failures: number): void {
    this.db
      .prepare('UPDATE timers SET fire_at = ?, failures = ? WHERE timer_id = ?')
      .run(fireAt, failures, timerId);
  }

  loadCheckpoint(name: string): string | undefined {
    const row = this.db.prepare('SELECT position FROM checkpoints WHERE name = ?').get(name) as
      { position: string } | undefined;
    return row?.position;
  }

  saveCheckpoint(name: string, position: string): void {
    this.db
      .prepare(
        'INSERT INTO checkpoints (name, position) VALUES (?, ?) ' +
          'ON CONFLICT (name) DO UPDATE SET position = excluded.position',
      )
      .run(name, position);
  }

  /** Moves an existing checkpoint; false when there is none. */
  updateCheckpoint(name: string, position: string): boolean {
    const update = this.db.prepare('UPDATE checkpoints SET position = ? WHERE name = ?');
    return update.run(position, name).changes > 0;
  }

  close(): void {
    this.db.close();
  }
}
