import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type ReadStreamOptions as ClientReadStreamOptions,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  SubscriptionBatch,
} from '../../event-store.port';
import {
  EventIdConflictError,
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
} from '../../errors';
import { validateAppend } from '../../validate-append';
import { headPosition, rawHead, readAllEvents } from './all-reads';
import { planAppend } from './append-plan';
import { isTransient, redactUrl, toPortError } from './errors';
import { collect, type EsdbClient } from './esdb-client';
import { assertNoReservedMetadata, fromResolvedEvent, toEventData } from './event-envelope';
import { toClientExpectedRevision } from './expected-revision';
import { matchesFilter, serverFilter } from './filters';
import { KeyedQueue } from './keyed-queue';
import { positionOf } from './positions';
import { resumingSubscription } from './resuming-subscription';

/** Events read back beyond the append's own size, to recognise a retried `any` append. */
const RETRY_LOOKBACK = 32;
/** Writes lost to another process's append before giving up; each retry re-reads the stream. */
const MAX_WRITE_ATTEMPTS = 20;
const DEFAULT_BATCH = 500;

/**
 * The event store port on EventStoreDB (20.10+; stream reads need 22.6+ for positions).
 * Revisions count from 0 and positions are $all commit positions. The integrity chain is computed
 * here, since the server cannot, and kept in each event's metadata under `$chronicle`.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly appends = new KeyedQueue();
  private readonly closing = new AbortController();

  private constructor(
    private readonly client: EsdbClient,
    private readonly url: string,
  ) {}

  /**
   * Connects to `url` (`esdb://…` or `esdb+discover://…`) and reads $all once, so that a wrong
   * address or credentials fail here with the address named, not on the first append.
   */
  static async connect(url: string): Promise<EventStoreDbEventStore> {
    let client: EventStoreDBClient;
    try {
      client = EventStoreDBClient.connectionString(url);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new EventStoreUnavailableError(
        `Invalid EventStoreDB connection string ${redactUrl(url)}: ${reason}`,
        {
          cause: error,
        },
      );
    }
    const store = EventStoreDbEventStore.fromClient(client, url);
    try {
      await store.headPosition();
    } catch (error) {
      await client.dispose();
      throw error;
    }
    return store;
  }

  /** Wraps a client the caller made; `url` names the server in errors. */
  static fromClient(client: EsdbClient, url: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(client, url);
  }

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    validateAppend(streamId, events, expected);
    assertNoReservedMetadata(streamId, events);
    return this.appends.run(streamId, () => this.appendInTurn(streamId, events, expected));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    const backwards = options.direction === 'backwards';
    return this.readStreamEvents(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision:
        options.fromRevision === undefined
          ? backwards
            ? END
            : START
          : BigInt(options.fromRevision),
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.mapErrors(() => readAllEvents(this.client, options));
  }

  subscribe(options: SubscribeOptions = {}): AsyncIterable<SubscriptionBatch> {
    const { filter } = options;
    return resumingSubscription({
      open: (from, checkpointReached) =>
        this.client.subscribeToAll({
          fromPosition: from,
          filter: serverFilter(filter, checkpointReached),
        }),
      readHead: () => rawHead(this.client),
      toItem: (resolved, position) => {
        const event = fromResolvedEvent(resolved, position);
        const kept = event && matchesFilter(event, filter) ? event : undefined;
        return { position, event: kept, closed: position.commit === position.prepare };
      },
      after: options.after,
      batchSize: options.batchSize ?? DEFAULT_BATCH,
      signal: AbortSignal.any([this.closing.signal, ...(options.signal ? [options.signal] : [])]),
      isTransient,
      toPortError: (error) => toPortError(error, { url: this.url }),
    });
  }

  headPosition(): Promise<string> {
    return this.mapErrors(() => headPosition(this.client));
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    await this.client.dispose();
  }

  /**
   * Reads the stream's tail, decides, and writes at exactly the revision read, so the hash it
   * chained to is still the last one. If another process wrote in between, the server refuses and
   * the append starts over from a fresh read, whatever the caller's mode: under `any` or
   * `stream_exists` writing anyway would fork the chain.
   */
  private async appendInTurn(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const ids = events.map((event) => event.eventId);
    for (let attempt = 1; ; attempt += 1) {
      const tail = await this.readStream(streamId, {
        direction: 'backwards',
        maxCount: events.length + RETRY_LOOKBACK,
      });
      tail.reverse();
      let plan = planAppend(expected, tail, ids);
      if (plan.action === 'read-target') {
        const target = await this.readStream(streamId, {
          fromRevision: plan.fromRevision,
          maxCount: ids.length,
        });
        plan = planAppend(expected, tail, ids, target);
      }
      switch (plan.action) {
        case 'replay':
          return appendResult(streamId, plan.events, false);
        case 'conflict':
          throw new EventIdConflictError(streamId, plan.eventId);
        case 'refuse':
          throw new WrongExpectedRevisionError(streamId, expected, plan.actual);
        case 'read-target':
          throw new Error(
            `Stream ${streamId}: the append plan asked twice for revision ${plan.fromRevision}`,
          );
        case 'write':
          try {
            return await this.write(streamId, events, plan.head, plan.previousHash);
          } catch (error) {
            if (error instanceof WrongExpectedVersionError && attempt < MAX_WRITE_ATTEMPTS)
              continue;
            throw toPortError(error, { url: this.url, streamId, expected });
          }
      }
    }
  }

  /**
   * Writes and reads the events back, for the server's positions and timestamps. Both writers of a
   * cross-process race with the same ids at the same revision are told `written: true`: the server
   * accepts the second as a retry and answers it exactly as the first.
   */
  private async write(
    streamId: string,
    events: readonly EventToAppend[],
    head: number | undefined,
    previousHash: string,
  ): Promise<AppendResult> {
    const first = head === undefined ? 0 : head + 1;
    let hash = previousHash;
    const data = events.map((event, index) => {
      const chained = toEventData(streamId, event, first + index, hash);
      hash = chained.hash;
      return chained.data;
    });
    const expectedRevision = toClientExpectedRevision(head === undefined ? 'no_stream' : head);
    await this.client.appendToStream(streamId, data, { expectedRevision });
    const stored = await this.readStream(streamId, {
      fromRevision: first,
      maxCount: events.length,
    });
    if (stored.length !== events.length) {
      throw new Error(
        `Stream ${streamId}: ${events.length} events were written but ${stored.length} read back`,
      );
    }
    return appendResult(streamId, stored, true);
  }

  private readStreamEvents(
    streamId: string,
    options: ClientReadStreamOptions,
  ): Promise<RecordedEvent[]> {
    return this.mapErrors(async () => {
      let read: ResolvedEvent[];
      try {
        read = await collect(this.client.readStream(streamId, options));
      } catch (error) {
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      }
      return read.flatMap((resolved) => {
        const position = positionOf(resolved);
        if (!position) {
          throw new Error(
            `EventStoreDB gave no $all position for revision ${resolved.event?.revision} of ${streamId}: ` +
              'it needs version 22.6 or later, and events written outside explicit transactions',
          );
        }
        const event = fromResolvedEvent(resolved, position);
        return event ? [event] : [];
      });
    });
  }

  private async mapErrors<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      throw toPortError(error, { url: this.url });
    }
  }
}

function appendResult(streamId: string, events: RecordedEvent[], written: boolean): AppendResult {
  const last = events[events.length - 1]!;
  return { streamId, revision: last.revision, position: last.position, events, written };
}
