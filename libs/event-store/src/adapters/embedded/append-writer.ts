import type Database from 'better-sqlite3';
import type {
  AppendResult,
  EventToAppend,
  ExpectedRevision,
  RecordedEvent,
} from '../../event-store.port';
import { EventIdConflictError, WrongExpectedRevisionError } from '../../errors';
import { chainHashOfEncoded, GENESIS_HASH, toStoredJson } from '../../hash-chain';
import { EVENT_COLUMNS, type EventRow } from './schema';
import { toRecordedEvent } from './event-rows';

export interface AppendRequest {
  streamId: string;
  events: readonly EventToAppend[];
  expected: ExpectedRevision;
}

interface StreamHead {
  revision: number; // -1 for a stream with no events
  hash: string;
}

const NO_STREAM: StreamHead = { revision: -1, hash: GENESIS_HASH };
const HEAD_CACHE_LIMIT = 100_000;

/**
 * Writes appends inside the batch transaction the group committer opens. Only this process writes
 * the file (the process lock sees to that), so stream heads can be cached between batches; heads
 * changed by a batch are kept apart until the batch commits, so a rolled-back batch leaves the
 * cache as it was.
 */
export class AppendWriter {
  private readonly heads = new Map<string, StreamHead>();
  private pendingHeads = new Map<string, StreamHead>();
  private readonly insert: Database.Statement;
  private readonly lastOfStream: Database.Statement;
  private readonly byEventId: Database.Statement;
  private readonly streamFrom: Database.Statement;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, stored_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.lastOfStream = db.prepare(
      'SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    );
    this.byEventId = db.prepare('SELECT stream_id, revision FROM events WHERE event_id = ?');
    this.streamFrom = db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    );
  }

  /** Appends one request; throws an EventStoreError (and writes nothing) when it is refused. */
  append(request: AppendRequest, storedAt: string): AppendResult {
    const { streamId, events, expected } = request;
    const first = events[0];
    const existing =
      first &&
      (this.byEventId.get(first.eventId) as { stream_id: string; revision: number } | undefined);
    if (existing) return this.confirmIdempotent(request, existing);

    const head = this.headOf(streamId);
    assertExpected(streamId, expected, head.revision);
    let previousHash = head.hash;
    let revision = head.revision;
    const recorded: RecordedEvent[] = [];
    for (const event of events) {
      revision += 1;
      const data = toStoredJson(event.data);
      const metadata = toStoredJson(event.metadata);
      const hash = chainHashOfEncoded(
        previousHash,
        { streamId, revision, eventId: event.eventId, type: event.type },
        data.text,
        metadata.text,
      );
      const position = this.insertRow(
        streamId,
        revision,
        event,
        data.text,
        metadata.text,
        storedAt,
        hash,
      );
      recorded.push({
        eventId: event.eventId,
        type: event.type,
        streamId,
        revision,
        position: String(position),
        data: data.parsed as RecordedEvent['data'],
        metadata: metadata.parsed as RecordedEvent['metadata'],
        storedAt,
        hash,
      });
      previousHash = hash;
    }
    this.pendingHeads.set(streamId, { revision, hash: previousHash });
    const last = recorded[recorded.length - 1]!;
    return { streamId, revision, position: last.position, events: recorded, written: true };
  }

  /** The batch committed: its stream heads become the known heads. */
  committed(): void {
    if (this.heads.size + this.pendingHeads.size > HEAD_CACHE_LIMIT) this.heads.clear();
    for (const [streamId, head] of this.pendingHeads) this.heads.set(streamId, head);
    this.pendingHeads = new Map();
  }

  rolledBack(): void {
    this.pendingHeads = new Map();
  }

  private headOf(streamId: string): StreamHead {
    const known = this.pendingHeads.get(streamId) ?? this.heads.get(streamId);
    if (known) return known;
    const row = this.lastOfStream.get(streamId) as StreamHead | undefined;
    return row ?? NO_STREAM;
  }

  private insertRow(
    streamId: string,
    revision: number,
    event: EventToAppend,
    data: string,
    metadata: string,
    storedAt: string,
    hash: string,
  ): number {
    try {
      const info = this.insert.run(
        event.eventId,
        streamId,
        revision,
        event.type,
        data,
        metadata,
        storedAt,
        hash,
      );
      return Number(info.lastInsertRowid);
    } catch (error) {
      // A later event id of the append is already stored: a partial retry or a reused id.
      if (isUniqueViolation(error, 'events.event_id'))
        throw new EventIdConflictError(streamId, event.eventId);
      throw error;
    }
  }

  /**
   * The first event id is stored already. The append is a retry of an earlier one exactly when
   * every id stands, in order, at consecutive revisions of this stream, where the expectation
   * would have put them (EventStoreDB's rule). Anything less is a conflict.
   */
  private confirmIdempotent(
    request: AppendRequest,
    existing: { stream_id: string; revision: number },
  ): AppendResult {
    const { streamId, events, expected } = request;
    if (existing.stream_id !== streamId)
      throw new EventIdConflictError(streamId, events[0]!.eventId);
    const rows = this.streamFrom.all(streamId, existing.revision, events.length) as EventRow[];
    events.forEach((event, index) => {
      if (rows[index]?.event_id !== event.eventId)
        throw new EventIdConflictError(streamId, event.eventId);
    });
    const revisionBefore = existing.revision - 1;
    const expectationHeld =
      expected === 'any' ||
      (expected === 'no_stream' && revisionBefore === -1) ||
      (expected === 'stream_exists' && revisionBefore >= 0) ||
      expected === revisionBefore;
    if (!expectationHeld) {
      const actual = this.headOf(streamId).revision;
      throw new WrongExpectedRevisionError(streamId, expected, actual < 0 ? 'no_stream' : actual);
    }
    const recorded = rows.map(toRecordedEvent);
    const last = recorded[recorded.length - 1]!;
    return {
      streamId,
      revision: last.revision,
      position: last.position,
      events: recorded,
      written: false,
    };
  }
}

function assertExpected(streamId: string, expected: ExpectedRevision, current: number): void {
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && current === -1) ||
    (expected === 'stream_exists' && current >= 0) ||
    expected === current;
  if (!holds)
    throw new WrongExpectedRevisionError(streamId, expected, current < 0 ? 'no_stream' : current);
}

function isUniqueViolation(error: unknown, column: string): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes(column)
  );
}
