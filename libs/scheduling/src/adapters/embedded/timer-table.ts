import { randomUUID } from 'node:crypto';
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
  /** Which schedule this row is: a delivery finishes only the arming it delivered. */
  arming: string;
}

interface RawRow {
  timer_id: string;
  due_at: number;
  fire_at: number;
  payload: string;
  failures: number;
  arming: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS timers (
    timer_id TEXT PRIMARY KEY,
    due_at INTEGER NOT NULL,
    fire_at INTEGER NOT NULL,
    payload TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    arming TEXT NOT NULL DEFAULT ''
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
      insert: db.prepare<[string, number, number, string, string]>(
        'INSERT OR IGNORE INTO timers (timer_id, due_at, fire_at, payload, arming) ' +
          'VALUES (?, ?, ?, ?, ?)',
      ),
      rearm: db.prepare<[string, number, number, string, string]>(
        'INSERT INTO timers (timer_id, due_at, fire_at, payload, arming) VALUES (?, ?, ?, ?, ?) ' +
          'ON CONFLICT (timer_id) DO UPDATE SET due_at = excluded.due_at, ' +
          'fire_at = excluded.fire_at, payload = excluded.payload, failures = 0, ' +
          'arming = excluded.arming',
      ),
      delete: db.prepare<[string]>('DELETE FROM timers WHERE timer_id = ?'),
      finish: db.prepare<[string, string]>('DELETE FROM timers WHERE timer_id = ? AND arming = ?'),
      get: db.prepare<[string], RawRow>('SELECT * FROM timers WHERE timer_id = ?'),
      nextFireAt: db.prepare<[], { next: number | null }>(
        'SELECT MIN(fire_at) AS next FROM timers',
      ),
      due: db.prepare<[number, number], RawRow>(
        'SELECT * FROM timers WHERE fire_at <= ? ORDER BY fire_at LIMIT ?',
      ),
      postpone: db.prepare<[number, number, string, string]>(
        'UPDATE timers SET fire_at = ?, failures = ? WHERE timer_id = ? AND arming = ?',
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
      addArmingColumn(db);
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
      () => this.statements.insert.run(timerId, dueAt, dueAt, json, newArming()).changes > 0,
    );
  }

  /** Arms the timer with this due time and payload, replacing a pending one (a new arming). */
  rearm(timerId: string, dueAt: number, payload: TimerPayload): Promise<void> {
    const json = JSON.stringify(payload);
    return this.writes.write(() => {
      this.statements.rearm.run(timerId, dueAt, dueAt, json, newArming());
    });
  }

  delete(timerId: string): Promise<void> {
    return this.writes.write(() => {
      this.statements.delete.run(timerId);
    });
  }

  /** Forgets a delivered timer, unless it was armed again meanwhile. */
  finish(row: TimerRow): Promise<void> {
    return this.writes.write(() => {
      this.statements.finish.run(row.timerId, row.arming);
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
      arming: row.arming,
    }));
  }

  /** Records a failed delivery and when to try again, unless the timer was armed again. */
  postpone(row: TimerRow, fireAt: number, failures: number): Promise<void> {
    return this.writes.write(() => {
      this.statements.postpone.run(fireAt, failures, row.timerId, row.arming);
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
    await this.writes.close();
    this.db.close();
  }
}

function newArming(): string {
  return randomUUID();
}

// Files made before timers had armings: their rows all read as one (empty) arming.
function addArmingColumn(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(timers)').all();
  if (!columns.some((column) => column.name === 'arming')) {
    db.exec("ALTER TABLE timers ADD COLUMN arming TEXT NOT NULL DEFAULT ''");
  }
}
