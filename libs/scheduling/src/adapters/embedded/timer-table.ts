import type Database from 'better-sqlite3';
import { BatchedWrites, openDurableDatabase } from '@chronicle/embedded-sqlite';
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

/**
 * The embedded scheduler's SQLite file: pending timers and subscriber checkpoints. Writes are
 * group-committed: the timers one batch of ticket events arms, and the feed's checkpoint, share
 * fsyncs instead of paying one each. A write resolves once durable.
 */
export class TimerTable {
  private readonly writes: BatchedWrites;
  private readonly statements;

  private constructor(private readonly db: Database.Database) {
    this.writes = new BatchedWrites(db);
    this.statements = {
      insert: db.prepare<[string, number, number, string]>(
        'INSERT OR IGNORE INTO timers (timer_id, due_at, fire_at, payload) VALUES (?, ?, ?, ?)',
      ),
      delete: db.prepare<[string]>('DELETE FROM timers WHERE timer_id = ?'),
      get: db.prepare<[string], RawRow>('SELECT * FROM timers WHERE timer_id = ?'),
      nextFireAt: db.prepare<[], { next: number | null }>(
        'SELECT MIN(fire_at) AS next FROM timers',
      ),
      due: db.prepare<[number, number], RawRow>(
        'SELECT * FROM timers WHERE fire_at <= ? ORDER BY fire_at LIMIT ?',
      ),
      postpone: db.prepare<[number, number, string]>(
        'UPDATE timers SET fire_at = ?, failures = ? WHERE timer_id = ?',
      ),
      loadCheckpoint: db.prepare<[string], { position: string }>(
        'SELECT position FROM checkpoints WHERE name = ?',
      ),
      saveCheckpoint: db.prepare<[string, string]>(
        'INSERT INTO checkpoints (name, position) VALUES (?, ?) ' +
          'ON CONFLICT (name) DO UPDATE SET position = excluded.position',
      ),
      updateCheckpoint: db.prepare<[string, string]>(
        'UPDATE checkpoints SET position = ? WHERE name = ?',
      ),
    };
  }

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
  insert(timerId: string, dueAt: number, payload: TimerPayload): Promise<boolean> {
    const json = JSON.stringify(payload);
    return this.writes.write(
      () => this.statements.insert.run(timerId, dueAt, dueAt, json).changes > 0,
    );
  }

  delete(timerId: string): Promise<void> {
    return this.writes.write(() => {
      this.statements.delete.run(timerId);
    });
  }

  get(timerId: string): PendingTimer | undefined {
    const row = this.statements.get.get(timerId);
    return row && { dueAt: new Date(row.due_at), payload: JSON.parse(row.payload) as TimerPayload };
  }

  /** When the earliest timer should fire, or undefined when none is pending. */
  nextFireAt(): number | undefined {
    return this.statements.nextFireAt.get()?.next ?? undefined;
  }

  /** Timers whose delivery is due at `now`, earliest first. */
  due(now: number, limit: number): TimerRow[] {
    return this.statements.due.all(now, limit).map((row) => ({
      timerId: row.timer_id,
      dueAt: row.due_at,
      fireAt: row.fire_at,
      payload: JSON.parse(row.payload) as TimerPayload,
      failures: row.failures,
    }));
  }

  /** Records a failed delivery and when to try again. */
  postpone(timerId: string, fireAt: number, failures: number): Promise<void> {
    return this.writes.write(() => {
      this.statements.postpone.run(fireAt, failures, timerId);
    });
  }

  loadCheckpoint(name: string): string | undefined {
    return this.statements.loadCheckpoint.get(name)?.position;
  }

  saveCheckpoint(name: string, position: string): Promise<void> {
    return this.writes.write(() => {
      this.statements.saveCheckpoint.run(name, position);
    });
  }

  /** Moves an existing checkpoint; false when there is none. */
  updateCheckpoint(name: string, position: string): Promise<boolean> {
    return this.writes.write(
      () => this.statements.updateCheckpoint.run(position, name).changes > 0,
    );
  }

  /** Waits for writes already submitted, then closes the file. */
  async close(): Promise<void> {
    await this.writes.drain();
    this.db.close();
  }
}
