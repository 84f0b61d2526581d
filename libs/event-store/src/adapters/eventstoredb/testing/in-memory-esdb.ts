import { randomUUID } from 'node:crypto';
import {
  ANY,
  BACKWARDS,
  END,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  StreamDeletedError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult,
  type AppendToStreamOptions,
  type EventData,
  type ReadAllOptions,
  type ReadPosition,
  type ReadStreamOptions,
  type ResolvedEvent,
  type StreamingRead,
  type SubscribeToAllOptions,
} from '@eventstore/db-client';
import { Subscription } from '@eventstore/db-client/dist/streams/utils/Subscription';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import type { EsdbClient } from '../esdb-client';
import {
  accessDenied,
  asCallStream,
  eventResponse,
  failedRead,
  readResponses,
  streamDeleted,
  streamNotFoundResponse,
  type LogRecord,
} from './grpc-responses';
import { interruption, type AppendInterruption } from './interruptions';
import { ServerFeed, type FeedBehaviour } from './server-feed';
import { accepts, appendSize, below, findRetry } from './server-rules';

export interface InMemoryOptions extends Partial<FeedBehaviour> {
  /** Where the log starts; above 2^53 to prove positions keep every bit. */
  firstPosition?: bigint;
  /** Like a server running system projections: each append is followed by `$>` link events. */
  systemLinks?: boolean;
  /** False for a user outside $admins: $all reads and subscriptions are refused. Default true. */
  admin?: boolean;
  /** The server's limit on one append's data and metadata, in bytes (its default: 1 MiB). */
  maxAppendSize?: number;
  /** Stream reads miss the newest records of the log, as on a follower that lags behind. */
  staleReads?: number;
}

/**
 * A stand-in for an EventStoreDB node behind the real client classes: reads and subscriptions go
 * through the client's own ReadStream and Subscription over protobuf responses, errors are the
 * client's own. It keeps the server rules the adapter relies on: expected revisions, idempotent
 * retries at the expected revision, inclusive $all reads, exclusive subscriptions, commit order.
 */
export class InMemoryEventStoreDb implements EsdbClient {
  readonly log: LogRecord[] = [];
  readonly feeds = new Set<ServerFeed>();
  /** Where each subscription asked to start, in order. */
  readonly subscribedFrom: ReadPosition[] = [];
  /** Streams deleted for good (tombstoned): appends and reads are refused. */
  readonly tombstoned = new Set<string>();
  /** Stream reads miss this many of the newest records; see {@link InMemoryOptions.staleReads}. */
  staleReads: number;
  private next: bigint;
  private readonly behaviour: FeedBehaviour;
  private interruptions: AppendInterruption[] = [];

  constructor(private readonly options: InMemoryOptions = {}) {
    this.next = options.firstPosition ?? 1_000n;
    this.staleReads = options.staleReads ?? 0;
    this.behaviour = {
      searchWindow: options.searchWindow ?? 32,
      serverVersion: options.serverVersion ?? '25.0.1',
    };
    this.record('$settings', '$settings', '{}');
  }

  /**
   * Makes the next append fail as a real network would: before it reaches the server (nothing
   * written), or after the server wrote it (the client never hears back).
   */
  interruptNextAppend(how: AppendInterruption): void {
    this.interruptions.push(how);
  }

  async appendToStream(
    streamName: string,
    events: EventData[],
    options: AppendToStreamOptions,
  ): Promise<AppendResult> {
    await Promise.resolve(); // a network hop: concurrent calls interleave here
    const interrupted = this.interruptions.shift();
    if (interrupted === 'unavailable-before-write') throw interruption(interrupted);
    const result = this.appendNow(streamName, events, options);
    if (interrupted) throw interruption(interrupted);
    return result;
  }

  private appendNow(
    streamName: string,
    events: EventData[],
    { expectedRevision = ANY }: AppendToStreamOptions,
  ): AppendResult {
    if (this.tombstoned.has(streamName)) throw StreamDeletedError.fromStreamName(streamName);
    const maxAppendSize = this.options.maxAppendSize ?? 1_048_576;
    if (appendSize(events) > maxAppendSize) {
      throw new MaxAppendSizeExceededError(undefined, maxAppendSize);
    }
    const stream = this.log.filter((record) => record.streamId === streamName);
    const current = stream[stream.length - 1]?.revision;
    const retried = findRetry(stream, events, expectedRevision);
    if (retried === 'corrupt' || (!retried && !accepts(expectedRevision, current))) {
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        expected: expectedRevision,
        current: current ?? NO_STREAM,
      });
    }
    const written =
      retried ||
      events.map((event, index) =>
        this.write(streamName, (current ?? -1n) + 1n + BigInt(index), event),
      );
    if (!retried && this.options.systemLinks) {
      for (const record of written)
        this.record(`$ce-${streamName.split('-')[0]}`, '$>', `${record.revision}@${streamName}`);
    }
    this.pumpAll();
    const last = written[written.length - 1]!;
    return {
      success: true,
      nextExpectedRevision: last.revision,
      position: { commit: last.commit, prepare: last.prepare },
    };
  }

  readStream(streamName: string, options: ReadStreamOptions): StreamingRead<ResolvedEvent> {
    if (this.tombstoned.has(streamName)) {
      return failedRead(streamDeleted(streamName));
    }
    const visible = this.log.slice(0, this.log.length - this.staleReads);
    const stream = visible.filter((record) => record.streamId === streamName);
    if (stream.length === 0) return readResponses([streamNotFoundResponse(streamName)]);
    const from = options.fromRevision ?? (options.direction === BACKWARDS ? END : START);
    const chosen =
      options.direction === BACKWARDS
        ? stream
            .filter((record) => from === END || from === START || record.revision <= from)
            .reverse()
        : stream.filter((record) => from === START || from === END || record.revision >= from);
    const limited = chosen.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
    return readResponses(limited.map((record) => eventResponse(record, 'stream')));
  }

  readAll(options: ReadAllOptions): StreamingRead<AllStreamResolvedEvent> {
    if (this.options.admin === false) return failedRead(accessDenied());
    const from = options.fromPosition ?? START;
    let chosen: LogRecord[];
    if (options.direction === BACKWARDS) {
      chosen = this.log
        .filter(
          (record) => from === END || (from !== START && below(record, from.commit, from.prepare)),
        )
        .reverse();
    } else {
      chosen = this.log.filter(
        (record) => from === START || (from !== END && !below(record, from.commit, from.prepare)),
      );
    }
    const limited = chosen.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
    return readResponses(limited.map((record) => eventResponse(record, 'all')));
  }

  subscribeToAll(options: SubscribeToAllOptions): AllStreamSubscription {
    this.subscribedFrom.push(options.fromPosition ?? START);
    const from =
      options.fromPosition === START
        ? undefined
        : options.fromPosition === END
          ? { commit: this.next, prepare: this.next }
          : options.fromPosition;
    const feed = new ServerFeed(this.log, from, options.filter, this.behaviour, () => this.next);
    this.feeds.add(feed);
    feed.stream.on('close', () => this.feeds.delete(feed));
    if (this.options.admin === false) feed.deny();
    else void feed.pump();
    return new Subscription(
      asCallStream(feed.stream),
      convertGrpcEvent,
      {},
      options.filter?.checkpointReached,
    );
  }

  dispose(): Promise<void> {
    for (const feed of this.feeds) feed.stream.cancel();
    return Promise.resolve();
  }

  /** A legacy TCP client's explicit transaction: every event shares the commit record's position. */
  appendTransaction(streamName: string, types: string[]): void {
    const stream = this.log.filter((record) => record.streamId === streamName);
    const first = (stream[stream.length - 1]?.revision ?? -1n) + 1n;
    const prepares = types.map(() => this.advance());
    const commit = this.advance();
    types.forEach((type, index) => {
      this.log.push({
        ...jsonRecord(streamName, first + BigInt(index), type, {}),
        commit,
        prepare: prepares[index]!,
        inTransaction: true,
      });
    });
    this.pumpAll();
  }

  /** Ends every open subscription without an error. */
  endSubscriptions(): void {
    for (const feed of this.feeds) feed.end();
  }

  /** Breaks every open subscription, as a node restart would. */
  dropSubscriptions(code?: number): void {
    for (const feed of this.feeds) feed.drop(code);
  }

  private write(streamName: string, revision: bigint, event: EventData): LogRecord {
    if (event.contentType !== 'application/json')
      throw new Error('the adapter writes JSON events only');
    if (!/^[0-9a-f-]{36}$/i.test(event.id))
      throw new Error(`the server accepts only UUID event ids, not ${event.id}`);
    const position = this.advance();
    const record = {
      ...jsonRecord(streamName, revision, event.type, event.data),
      id: event.id,
      commit: position,
      prepare: position,
      inTransaction: false,
    };
    record.metadata = Buffer.from(JSON.stringify(event.metadata ?? {}), 'utf8');
    this.log.push(record);
    return record;
  }

  /** A system event, as the server writes for settings or link events from system projections. */
  private record(streamName: string, type: string, body: string): void {
    const revision = BigInt(this.log.filter((record) => record.streamId === streamName).length);
    const position = this.advance();
    const record = jsonRecord(streamName, revision, type, body);
    this.log.push({
      ...record,
      contentType: 'application/octet-stream',
      commit: position,
      prepare: position,
      inTransaction: false,
    });
  }

  private advance(): bigint {
    const position = this.next;
    this.next += 137n;
    return position;
  }

  private pumpAll(): void {
    for (const feed of this.feeds) void feed.pump();
  }
}

function jsonRecord(
  streamId: string,
  revision: bigint,
  type: string,
  data: unknown,
): Omit<LogRecord, 'commit' | 'prepare' | 'inTransaction'> {
  const body = typeof data === 'string' ? data : JSON.stringify(data);
  return {
    streamId,
    revision,
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: Buffer.from(body, 'utf8'),
    metadata: new Uint8Array(),
    created: new Date(),
  };
}
