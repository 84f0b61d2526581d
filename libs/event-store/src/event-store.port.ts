/** A JSON value as stored in an event's data or metadata. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * What the caller expects of the stream before an append (EventStoreDB's four modes):
 * `any` skips the check, `no_stream` requires that the stream has no event, `stream_exists`
 * requires at least one, and a number requires that the stream's last revision is exactly it.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface EventToAppend {
  /** Unique across the store; a retried append with the same ids writes nothing. */
  eventId: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

export interface RecordedEvent {
  eventId: string;
  type: string;
  streamId: string;
  /** Counted from 0 for a stream's first event. */
  revision: number;
  /** The global position as a decimal string; it only grows, in commit order. */
  position: string;
  data: JsonObject;
  metadata: JsonObject;
  /** When the store accepted the event (ISO-8601). */
  storedAt: string;
  /** Integrity chain: hash of this event chained to the previous event of its stream. */
  hash: string;
}

export interface AppendResult {
  streamId: string;
  /** The stream's last revision after the append. */
  revision: number;
  /** Global position of the last event of the append. */
  position: string;
  /** The appended events, as stored, in order. */
  events: RecordedEvent[];
  /** False when every event already stood at its revision and nothing was written. */
  written: boolean;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the first revision forwards and the last one backwards. */
  fromRevision?: number;
  maxCount?: number;
}

/** Both lists narrow the selection; when both are given an event must match both. */
export interface EventFilter {
  eventTypePrefixes?: string[];
  streamPrefixes?: string[];
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. Absent: from the very first event. */
  after?: string;
  maxCount?: number;
  filter?: EventFilter;
}

export interface ReadStreamsOptions {
  /** Exclusive: events after this position. Absent: from each stream's first event. */
  after?: string;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive: the last position the subscriber has handled. Absent: from the first event. */
  after?: string;
  filter?: EventFilter;
  /** Most events in one batch. */
  batchSize?: number;
  /** Ends the subscription; a pending wait for new events returns at once. */
  signal?: AbortSignal;
}

/**
 * One step of a subscription. `checkpoint` is the position the subscriber may record once it has
 * handled `events`: it moves past events the filter left out, so a filtered subscriber's position
 * keeps up with the store even when nothing matches.
 */
export interface SubscriptionBatch {
  events: RecordedEvent[];
  checkpoint: string;
}

/** The event store port. Every adapter honours every mode and passes the same contract suite. */
export interface EventStore {
  append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult>;
  /** A stream that does not exist reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * The events of several streams in global order (a customer's history across its deals,
   * tickets, orders…); streams that do not exist read as empty. Page with `after` and `maxCount`.
   */
  readStreams(streamIds: readonly string[], options?: ReadStreamsOptions): Promise<RecordedEvent[]>;
  /**
   * Catches up from `after`, then follows new events live. The consumer pulls, so a slow consumer
   * slows the reads instead of filling memory (back-pressure).
   */
  subscribe(options?: SubscribeOptions): AsyncIterable<SubscriptionBatch>;
  /** Position of the last event in the store, or '0' when it is empty. */
  headPosition(): Promise<string>;
  close(): Promise<void>;
}

/** Nest injection token for the event store port. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** The position before the first event: subscribing after it reads everything. */
export const START_POSITION = '0';

/** Compares two decimal-string positions without losing precision above 2^53. */
export function comparePositions(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
