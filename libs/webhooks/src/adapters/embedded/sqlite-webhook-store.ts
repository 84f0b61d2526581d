import type Database from 'better-sqlite3';
import { BatchedWrites, openDurableDatabase } from '@chronicle/embedded-sqlite';
import { comparePositions } from '@chronicle/event-store';
import type { NewDelivery, WebhookStore } from '../../webhook-store.port';
import type { Delivery, DeliveryStatus, Webhook, WebhookState } from '../../webhook-types';

interface WebhookRow {
  webhook_id: string;
  url: string;
  event_types: string;
  secret: string;
  description: string | null;
  state: string;
  created_at: string;
  position: string;
  last_delivery_at: string | null;
}

interface DeliveryRow {
  delivery_id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  stream_id: string;
  revision: number;
  position: string;
  status: string;
  attempts: number;
  first_failed_at: number | null;
  next_attempt_at: number | null;
  last_error: string | null;
  holds_stream: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS webhooks (
    webhook_id TEXT PRIMARY KEY, url TEXT NOT NULL, event_types TEXT NOT NULL,
    secret TEXT NOT NULL, description TEXT, state TEXT NOT NULL, created_at TEXT NOT NULL,
    position TEXT NOT NULL, last_delivery_at TEXT
  );
  CREATE TABLE IF NOT EXISTS deliveries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id TEXT NOT NULL UNIQUE, webhook_id TEXT NOT NULL, event_id TEXT NOT NULL,
    event_type TEXT NOT NULL, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
    position TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,
    first_failed_at INTEGER, next_attempt_at INTEGER, last_error TEXT,
    holds_stream INTEGER NOT NULL DEFAULT 1
  );
  CREATE INDEX IF NOT EXISTS deliveries_by_stream ON deliveries (webhook_id, stream_id, seq);
  CREATE INDEX IF NOT EXISTS deliveries_by_status ON deliveries (webhook_id, status, seq);
  CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_attempt_at);
`;

const HOLDING = `status IN ('failed', 'held') AND holds_stream = 1`;

/**
 * The embedded {@link WebhookStore}: `webhooks.sqlite` in the data folder, its writes
 * group-committed (BatchedWrites), each resolving once durable. Reads are synchronous.
 */
export class SqliteWebhookStore implements WebhookStore {
  private readonly writes: BatchedWrites;

  private constructor(private readonly db: Database.Database) {
    this.writes = new BatchedWrites(db);
  }

  static open(path: string): SqliteWebhookStore {
    // NORMAL: a power loss may drop the last commits, but the log keeps them in order, so a
    // position is never kept without the deliveries recorded before it; what is lost is only
    // delivered again. Fewer fsyncs keep deliveries off the event store's disk queue.
    const db = openDurableDatabase(path, { synchronous: 'NORMAL' });
    db.exec(SCHEMA);
    return new SqliteWebhookStore(db);
  }

  create(webhook: Webhook): Promise<void> {
    return this.writes.write(() => {
      this.db
        .prepare(
          `INSERT INTO webhooks VALUES (@webhookId, @url, @eventTypes, @secret, @description,
           @state, @createdAt, @position, @lastDeliveryAt)`,
        )
        .run({ ...webhook, eventTypes: JSON.stringify(webhook.eventTypes) });
    });
  }

  list(): Webhook[] {
    const rows = this.db.prepare('SELECT * FROM webhooks ORDER BY created_at, webhook_id').all();
    return (rows as WebhookRow[]).map(toWebhook);
  }

  get(webhookId: string): Webhook | undefined {
    const row = this.db.prepare('SELECT * FROM webhooks WHERE webhook_id = ?').get(webhookId);
    return row ? toWebhook(row as WebhookRow) : undefined;
  }

  update(
    webhookId: string,
    changes: Partial<Pick<Webhook, 'url' | 'eventTypes' | 'state'>>,
  ): Promise<void> {
    return this.writes.write(() => {
      const set = (column: string, value: string | undefined): void => {
        if (value === undefined) return;
        this.db
          .prepare(`UPDATE webhooks SET ${column} = ? WHERE webhook_id = ?`)
          .run(value, webhookId);
      };
      set('url', changes.url);
      set('state', changes.state);
      set('event_types', changes.eventTypes && JSON.stringify(changes.eventTypes));
    });
  }

  delete(webhookId: string): Promise<void> {
    return this.writes.write(() => {
      this.db.prepare('DELETE FROM deliveries WHERE webhook_id = ?').run(webhookId);
      this.db.prepare('DELETE FROM webhooks WHERE webhook_id = ?').run(webhookId);
    });
  }

  savePosition(webhookId: string, position: string): Promise<void> {
    return this.writes.write(() => {
      const current = this.get(webhookId)?.position;
      if (current === undefined || comparePositions(position, current) <= 0) return;
      this.db
        .prepare('UPDATE webhooks SET position = ? WHERE webhook_id = ?')
        .run(position, webhookId);
    });
  }

  noteDelivered(webhookId: string, at: string): Promise<void> {
    return this.writes.write(() => {
      this.db
        .prepare('UPDATE webhooks SET last_delivery_at = ? WHERE webhook_id = ?')
        .run(at, webhookId);
    });
  }

  record(deliveries: readonly NewDelivery[]): Promise<NewDelivery[]> {
    return this.writes.write(() => {
      const insert = this.db.prepare(
        `INSERT OR IGNORE INTO deliveries (delivery_id, webhook_id, event_id, event_type, stream_id,
         revision, position, status, attempts, first_failed_at, next_attempt_at, last_error)
         VALUES (@deliveryId, @webhookId, @eventId, @eventType, @streamId, @revision, @position,
         @status, @attempts, @firstFailedAt, @nextAttemptAt, @lastError)`,
      );
      return deliveries.filter((delivery) => insert.run(delivery).changes > 0);
    });
  }

  delivery(deliveryId: string): Delivery | undefined {
    const row = this.db.prepare('SELECT * FROM deliveries WHERE delivery_id = ?').get(deliveryId);
    return row ? toDelivery(row as DeliveryRow) : undefined;
  }

  deliveries(webhookId: string, filter: { status?: DeliveryStatus; limit: number }): Delivery[] {
    const rows = filter.status
      ? this.db
          .prepare(
            'SELECT * FROM deliveries WHERE webhook_id = ? AND status = ? ORDER BY seq LIMIT ?',
          )
          .all(webhookId, filter.status, filter.limit)
      : this.db
          .prepare('SELECT * FROM deliveries WHERE webhook_id = ? ORDER BY seq LIMIT ?')
          .all(webhookId, filter.limit);
    return (rows as DeliveryRow[]).map(toDelivery);
  }

  heldBack(webhookId: string, streamId: string): Delivery[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM deliveries WHERE webhook_id = ? AND stream_id = ? AND ${HOLDING} ORDER BY seq`,
      )
      .all(webhookId, streamId);
    return (rows as DeliveryRow[]).map(toDelivery);
  }

  blockedStreams(webhookId: string): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT stream_id, COUNT(*) AS owed FROM deliveries WHERE webhook_id = ? AND ${HOLDING}
         GROUP BY stream_id`,
      )
      .all(webhookId) as Array<{ stream_id: string; owed: number }>;
    return new Map(rows.map((row) => [row.stream_id, row.owed]));
  }

  due(dueBefore: number, limit: number): Delivery[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM deliveries WHERE status = 'failed' AND next_attempt_at <= ?
         ORDER BY next_attempt_at, seq LIMIT ?`,
      )
      .all(dueBefore, limit);
    return (rows as DeliveryRow[]).map(toDelivery);
  }

  headless(webhookId: string): Delivery[] {
    const rows = this.db
      .prepare(
        `SELECT d.* FROM deliveries d WHERE d.webhook_id = ? AND d.status = 'held'
         AND d.holds_stream = 1 AND NOT EXISTS (
           SELECT 1 FROM deliveries e WHERE e.webhook_id = d.webhook_id
           AND e.stream_id = d.stream_id AND e.seq < d.seq AND e.status IN ('failed', 'held')
           AND e.holds_stream = 1)`,
      )
      .all(webhookId);
    return (rows as DeliveryRow[]).map(toDelivery);
  }

  updateDelivery(
    deliveryId: string,
    changes: Partial<Omit<Delivery, 'deliveryId'>>,
  ): Promise<void> {
    const columns: Record<string, string> = {
      status: 'status',
      attempts: 'attempts',
      firstFailedAt: 'first_failed_at',
      nextAttemptAt: 'next_attempt_at',
      lastError: 'last_error',
      holdsStream: 'holds_stream',
    };
    return this.writes.write(() => {
      for (const [key, value] of Object.entries(changes)) {
        const column = columns[key];
        if (column === undefined) continue;
        const stored = typeof value === 'boolean' ? Number(value) : (value as unknown);
        this.db
          .prepare(`UPDATE deliveries SET ${column} = ? WHERE delivery_id = ?`)
          .run(stored, deliveryId);
      }
    });
  }

  forget(deliveryId: string): Promise<void> {
    return this.writes.write(() => {
      this.db.prepare('DELETE FROM deliveries WHERE delivery_id = ?').run(deliveryId);
    });
  }

  counts(webhookId: string): Record<DeliveryStatus, number> {
    const rows = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM deliveries WHERE webhook_id = ? GROUP BY status')
      .all(webhookId) as Array<{ status: DeliveryStatus; n: number }>;
    const counts: Record<DeliveryStatus, number> = { failed: 0, held: 0, dead: 0 };
    for (const { status, n } of rows) counts[status] = n;
    return counts;
  }

  async close(): Promise<void> {
    await this.writes.close();
    this.db.close();
  }
}

function toWebhook(row: WebhookRow): Webhook {
  return {
    webhookId: row.webhook_id,
    url: row.url,
    eventTypes: JSON.parse(row.event_types) as string[],
    secret: row.secret,
    description: row.description,
    state: row.state as WebhookState,
    createdAt: row.created_at,
    position: row.position,
    lastDeliveryAt: row.last_delivery_at,
  };
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    deliveryId: row.delivery_id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    eventType: row.event_type,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    firstFailedAt: row.first_failed_at,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    holdsStream: row.holds_stream === 1,
  };
}
